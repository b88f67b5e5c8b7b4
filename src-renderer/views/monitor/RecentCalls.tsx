import { ChevronDown, ChevronRight, History, LoaderCircle } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { CallInfo } from '../../../src-preload/contract'
import { StateBadge } from '../../components/StateBadge'
import { callStateKind, DIRECTION_WORD, remoteParty, stateWord } from '../../lib/call-state'
import { formatClock, formatDuration, formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { recentCallList } from './board-selectors'

/** Rows drawn at most: the list is bounded by what the core keeps, this keeps the DOM small too. */
const MAX_ROWS = 100

/**
 * Calls that ended and left the live board: collapsed by default (the board is what matters
 * during a shift); opening it asks the core for its history, and each call can still be opened.
 */
export function RecentCalls() {
  const { open, setOpen, loading, openCall } = useAppStore(
    useShallow((s) => ({ open: s.recentOpen, setOpen: s.setRecentOpen, loading: s.recentLoading, openCall: s.openCall }))
  )
  const calls = useAppStore(useShallow(recentCallList))
  const Chevron = open ? ChevronDown : ChevronRight
  return (
    <section className="recent" aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="recent-heading">
        <button type="button" className="recent-toggle" aria-expanded={open} aria-controls="recent-body" onClick={() => setOpen(!open)}>
          <Chevron size={14} aria-hidden="true" />
          Recent calls
          <span className="mono muted">({calls.length})</span>
        </button>
        {loading ? <LoaderCircle size={13} className="spin" aria-label="Loading recent calls" /> : null}
      </h2>
      {open ? (
        <div id="recent-body" className="recent-body">
          {calls.length === 0 ? (
            <p className="muted pad small">
              <History size={13} aria-hidden="true" /> {loading ? 'Loading recent calls…' : 'No ended calls yet. Calls move here about 30 seconds after they end.'}
            </p>
          ) : (
            <ul className="recent-list" aria-label="Recent calls">
              {calls.slice(0, MAX_ROWS).map((c) => (
                <RecentRow key={c.id} call={c} onOpen={() => void openCall(c.id)} />
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  )
}

function RecentRow({ call, onOpen }: { call: CallInfo; onOpen: () => void }) {
  const kind = callStateKind(call, false)
  const took = call.endedAt ? formatDuration(Date.parse(call.endedAt) - Date.parse(call.startedAt)) : '—'
  const who = formatPhone(remoteParty(call))
  return (
    <li>
      <button
        type="button"
        className="recent-row"
        aria-label={`${DIRECTION_WORD[call.direction]} call, ${who}, agent ${call.agentName ?? 'unknown'}, ${stateWord(call, false)}, ${took}`}
        onClick={onOpen}
      >
        <span className="small">{DIRECTION_WORD[call.direction]}</span>
        <span className="mono">{who}</span>
        <span className="strong recent-agent">{call.agentName ?? 'Unknown agent'}</span>
        <StateBadge kind={kind} word={stateWord(call, false)} />
        <span className="mono muted">{took}</span>
        <time className="mono muted" dateTime={call.endedAt ?? call.startedAt}>
          {formatClock(call.endedAt ?? call.startedAt)}
        </time>
        <span className="muted recent-words">{call.lastWords ?? ''}</span>
      </button>
    </li>
  )
}
