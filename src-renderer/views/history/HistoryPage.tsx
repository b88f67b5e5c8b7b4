import { RotateCw, Search } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { plural } from '../../lib/words'
import { CsvExport } from './CsvExport'
import { HistoryFilters } from './HistoryFilters'
import { HistoryList } from './HistoryList'
import { SearchResults } from './SearchResults'

/** Keystrokes typed within this long make one query. */
const SEARCH_DEBOUNCE_MS = 120

/** The History list with its filters, and search across every transcript, note and message. */
export function HistoryPage() {
  const h = useAppStore(
    useShallow((s) => ({
      loaded: s.callHistory.loaded,
      loading: s.callHistory.loading,
      count: s.callHistory.items.length,
      total: s.callHistory.total,
      more: s.callHistory.nextCursor !== null,
      reload: s.reloadHistory,
      searchText: s.search.text,
      runSearch: s.runSearch,
      coreStart: s.status?.startedAt ?? null
    }))
  )
  const [text, setText] = useState(h.searchText)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const { loaded, reload, coreStart } = h

  // The first page on opening, and again after the core restarted (another mode, other calls).
  const seenStart = useRef(coreStart)
  useEffect(() => {
    if (!loaded || seenStart.current !== coreStart) void reload()
    seenStart.current = coreStart
  }, [loaded, reload, coreStart])
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const onSearch = (value: string): void => {
    setText(value)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void h.runSearch(value), SEARCH_DEBOUNCE_MS)
  }
  const searching = text.trim() !== ''
  // "1 call", "40 of 130 calls", "50+ calls": the noun agrees with the number it follows.
  const counted = h.total !== null ? `${h.count} of ${plural(h.total, 'call')}` : h.more ? `${h.count}+ calls` : plural(h.count, 'call')

  return (
    <section className="view history-view" aria-labelledby="history-heading">
      <div className="view-header">
        <h1 id="history-heading">History</h1>
        <span className="muted mono small" aria-live="polite">
          {searching ? '' : counted}
        </span>
        <span className="header-spacer" />
        <label className="history-search">
          <Search size={14} aria-hidden="true" />
          <span className="sr-only">Search transcripts, notes and messages</span>
          <input type="search" value={text} placeholder="Search what was said…" onChange={(e) => onSearch(e.currentTarget.value)} />
        </label>
        <CsvExport />
        <button type="button" className="button button--quiet" onClick={() => void reload()} disabled={h.loading} aria-label="Reload History">
          <RotateCw size={14} aria-hidden="true" className={h.loading ? 'dir-spin' : undefined} />
        </button>
      </div>
      {searching ? <SearchResults /> : (
        <>
          <HistoryFilters />
          <HistoryList />
        </>
      )}
    </section>
  )
}
