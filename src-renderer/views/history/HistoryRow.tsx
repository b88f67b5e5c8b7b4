import { memo } from 'react'
import { Globe, PhoneIncoming, PhoneOutgoing, StickyNote } from 'lucide-react'
import type { HistoryCall } from '../../../src-preload/contract'
import { StateBadge } from '../../components/StateBadge'
import { callStateKind, DIRECTION_WORD, stateWord } from '../../lib/call-state'
import { dateTime, durationWord, phoneWord, respondersWord } from './history-words'

const DIRECTION_ICON = { inbound: PhoneIncoming, outbound: PhoneOutgoing, web: Globe } as const

export const historyRowId = (callId: string): string => `history-row-${callId}`

/** What a screen reader (and a test) hears for a row. */
export function historyRowName(c: HistoryCall): string {
  return `${DIRECTION_WORD[c.direction]} call, ${dateTime(c.startedAt)}, ${phoneWord(c.from)} to ${phoneWord(c.to)}, agent ${c.agentName ?? 'unknown'}, ${stateWord(c, false)}, answered by ${respondersWord(c)}, ${durationWord(c)}`
}

/** One past (or live) call: when, how long, which way, who to whom, agent, outcome, who answered. */
export const HistoryRow = memo(function HistoryRow(props: { call: HistoryCall; selected: boolean; onOpen: (id: string) => void }) {
  const c = props.call
  const DirIcon = DIRECTION_ICON[c.direction]
  return (
    <div
      id={historyRowId(c.id)}
      role="option"
      aria-selected={props.selected}
      aria-label={historyRowName(c)}
      className={`row history-row${props.selected ? ' row--selected' : ''}`}
      onClick={() => props.onOpen(c.id)}
    >
      <span className="cell mono small">{dateTime(c.startedAt)}</span>
      <span className="cell mono">{durationWord(c)}</span>
      <span className="cell cell--dir" title={DIRECTION_WORD[c.direction]}>
        <DirIcon size={14} aria-hidden="true" />
        <span className="dir-word">{DIRECTION_WORD[c.direction]}</span>
      </span>
      <span className="cell">
        <span className="mono">{phoneWord(c.from)}</span>
        <span className="mono muted">→ {phoneWord(c.to)}</span>
      </span>
      <span className="cell strong">{c.agentName ?? 'Unknown agent'}</span>
      <span className="cell">
        <StateBadge kind={callStateKind(c, false)} word={stateWord(c, false)} />
      </span>
      <span className="cell history-who">
        <span>{respondersWord(c)}</span>
        {c.tags.length || c.hasNote ? (
          <span className="muted small history-tags">
            {c.hasNote ? <StickyNote size={11} aria-label="has a note" /> : null} {c.tags.join(', ')}
          </span>
        ) : null}
      </span>
    </div>
  )
})
