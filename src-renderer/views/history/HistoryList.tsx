import { History, LoaderCircle } from 'lucide-react'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState } from '../../components/EmptyState'
import { ListboxRows, listboxTarget } from '../../components/ListboxRows'
import { hasFilter } from '../../store/call-history-slice'
import { useAppStore } from '../../store/store-context'
import { HistoryRow, historyRowId } from './HistoryRow'

const ROW_HEIGHT = 44
const VIRTUALIZE_FROM = 60
/** The next page is asked for when the view comes within this many rows of the end. */
const PREFETCH_ROWS = 15

/** Every call, one row each, virtualised; scrolling near the end loads the next page. */
export function HistoryList() {
  const h = useAppStore(useShallow((s) => ({ ...s.callHistory, loadMore: s.loadMoreHistory, open: s.openAfterCall, sandbox: s.status?.mode === 'sandbox' })))
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const { loadMore, items, nextCursor, loading } = h
  // The list re-renders on every scrolled frame: the selection is looked up only when it changes.
  const index = useMemo(() => (selected === null ? 0 : Math.max(0, items.findIndex((c) => c.id === selected))), [items, selected])

  // The virtual list says which row it drew last: near the end, the next page is asked for. No
  // layout is read on scroll, and nothing here re-renders per scrolled frame (at 10,000 rows
  // either alone cost whole frames).
  const paging = useRef({ length: 0, more: false, loading: false, loadMore })
  paging.current = { length: items.length, more: nextCursor !== null, loading, loadMore }
  const lastDrawn = useRef(-1)
  const onLastRendered = useCallback((i: number) => {
    lastDrawn.current = i
    const p = paging.current
    if (p.more && !p.loading && i >= p.length - PREFETCH_ROWS) void p.loadMore()
  }, [])
  // After a page (or while the list is short and not virtualised): still near the end? Load on.
  useEffect(() => {
    if (nextCursor && !loading && (items.length < VIRTUALIZE_FROM || lastDrawn.current >= items.length - PREFETCH_ROWS)) void loadMore()
  }, [nextCursor, loading, items.length, loadMore])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const to = listboxTarget(e, index, items.length)
    if (to !== null) {
      setSelected(items[to]!.id)
      if (to > items.length - PREFETCH_ROWS) void loadMore()
    } else if (e.key === 'Enter' && items[index]) {
      e.preventDefault()
      h.open(items[index].id)
    }
  }

  if (items.length === 0 && !loading) {
    return h.error ? (
      <p className="pad" role="alert">
        History could not be loaded: {h.error}
      </p>
    ) : (
      <EmptyState icon={History} title={hasFilter(h.filter) ? 'No calls match these filters.' : 'No calls yet.'}>
        {hasFilter(h.filter) ? (
          <p>Change or clear the filters to see more.</p>
        ) : h.sandbox ? (
          <p>Dial the Sandbox Agent from the phone on the right: every finished call lands here, with its transcript and recording.</p>
        ) : (
          <p>Every call to and from your agents lands here once it starts, with its transcript and recording.</p>
        )}
      </EmptyState>
    )
  }

  return (
    <div className="call-table history-table">
      {h.notice ? (
        <p className="history-notice small" role="status">
          {h.notice}
        </p>
      ) : null}
      <div className="call-head" aria-hidden="true">
        <div className="row history-row row--head">
          <span className="cell">Date and time</span>
          <span className="cell">Length</span>
          <span className="cell">Dir.</span>
          <span className="cell">From → to</span>
          <span className="cell">Agent</span>
          <span className="cell">Outcome</span>
          <span className="cell">Answered by</span>
        </div>
      </div>
      <div
        ref={setScrollBox}
        role="listbox"
        aria-label="Calls"
        aria-busy={loading}
        tabIndex={0}
        aria-activedescendant={items[index] ? historyRowId(items[index].id) : undefined}
        className="call-rows"
        onKeyDown={onKeyDown}
      >
        <ListboxRows
          items={items}
          index={selected === null ? -1 : index}
          scrollBox={scrollBox}
          rowHeight={ROW_HEIGHT}
          virtualizeFrom={VIRTUALIZE_FROM}
          onLastRendered={onLastRendered}
          getKey={(c) => c.id}
          domId={(c) => historyRowId(c.id)}
          renderRow={(c) => <HistoryRow call={c} selected={c.id === selected} onOpen={h.open} />}
        />
      </div>
      {loading ? (
        <p className="muted small history-loading" role="status">
          <LoaderCircle size={13} aria-hidden="true" className="spin" /> Loading calls…
        </p>
      ) : null}
    </div>
  )
}
