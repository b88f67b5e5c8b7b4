import { MessageSquare, Phone, SearchX, StickyNote } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { SearchHit } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { formatPhone } from '../../lib/format'
import { plural } from '../../lib/words'
import { useAppStore } from '../../store/store-context'
import { Highlight } from './Highlight'
import { dateTime } from './history-words'

/** Search hits, best first: each opens its call at the line (or its text thread). */
export function SearchResults() {
  const s = useAppStore(useShallow((st) => ({ ...st.search, openAfterCall: st.openAfterCall, openConversation: st.openConversation, setView: st.setView })))
  const open = (hit: SearchHit): void => {
    if (hit.kind === 'call' && hit.callId) s.openAfterCall(hit.callId, hit.lineIndex ?? null)
    else if (hit.conversationId) {
      s.setView('messages')
      void s.openConversation(hit.conversationId)
    } else s.setView('messages')
  }
  if (s.error) return <p className="pad" role="alert">Search failed: {s.error}</p>
  if (!s.searching && s.hits.length === 0) {
    return (
      <EmptyState icon={SearchX} title={`Nothing found for “${s.text.trim()}”.`}>
        <p>Search looks through every transcript, note and text message this console has kept (see Settings › History for how long).</p>
        {!s.ready ? <p className="muted">Older history is still being indexed: try again in a moment.</p> : null}
      </EmptyState>
    )
  }
  return (
    <div className="search-results">
      <p className="muted small pad" role="status">
        {s.searching ? 'Searching…' : `${plural(s.hits.length, 'match', 'matches')}${s.hits.length >= 100 ? ' (the best 100)' : ''}`}
      </p>
      <ul className="search-hits" aria-label="Search results">
        {s.hits.map((hit, i) => {
          const Icon = hit.kind === 'message' ? MessageSquare : hit.who === 'Note' ? StickyNote : Phone
          return (
            <li key={`${hit.callId ?? hit.conversationId}-${hit.lineIndex ?? hit.who}-${i}`}>
              <button type="button" className="search-hit" onClick={() => open(hit)}>
                <span className="search-hit-meta">
                  <Icon size={13} aria-hidden="true" />
                  <span className="strong">{hit.who}</span>
                  {hit.party ? <span className="mono muted">{formatPhone(hit.party)}</span> : null}
                  <time className="mono muted small" dateTime={hit.at}>
                    {dateTime(hit.at)}
                  </time>
                </span>
                <span className="search-hit-text">
                  <Highlight text={hit.snippet} ranges={hit.ranges} />
                </span>
              </button>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
