import { ChevronDown, ChevronRight, History, X } from 'lucide-react'
import { memo, useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatClock, formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { gapSentence } from './gap-summary'

/**
 * Tells the supervisor what AgentPhone sent while Switchboard was not receiving (app closed, tunnel
 * down, laptop asleep): those calls and messages never reached the board, so they must be named.
 */
// Memoised: it sits in the Monitor, which re-renders on every call event, and has no props.
export const GapBanner = memo(function GapBanner() {
  const [open, setOpen] = useState(false)
  const { all, dismissed, dismiss } = useAppStore(useShallow((s) => ({ all: s.gaps, dismissed: s.dismissedGapIds, dismiss: s.dismissGaps })))
  const gaps = useMemo(() => all.filter((g) => !dismissed.includes(g.id)), [all, dismissed])
  if (gaps.length === 0) return null
  const calls = gaps.flatMap((g) => g.calls)
  const messages = gaps.flatMap((g) => g.messages)
  return (
    <div className="wh-gap" role="region" aria-label="Missed while not receiving">
      <div className="wh-gap-line">
        <History size={15} aria-hidden="true" />
        <span className="wh-grow">{gapSentence(gaps)}</span>
        <button type="button" className="button button--quiet" aria-expanded={open} aria-controls="wh-gap-list" onClick={() => setOpen(!open)}>
          {open ? <ChevronDown size={13} aria-hidden="true" /> : <ChevronRight size={13} aria-hidden="true" />}
          {open ? 'Hide the list' : 'Show what was missed'}
        </button>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={dismiss}>
          <X size={14} aria-hidden="true" />
        </button>
      </div>
      {open ? (
        <ul id="wh-gap-list" className="wh-gap-list">
          {calls.map((c) => (
            <li key={c.id}>
              <span className="mono">{formatClock(c.startedAt)}</span> {c.direction} call {formatPhone(c.from)} → {formatPhone(c.to)} ·{' '}
              {c.status} <span className="mono muted">{c.id}</span>
            </li>
          ))}
          {messages.map((m) => (
            <li key={m.id}>
              <span className="mono">{formatClock(m.at)}</span> {m.channel.toUpperCase()} from {formatPhone(m.from)}: “{m.body}”
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
})
