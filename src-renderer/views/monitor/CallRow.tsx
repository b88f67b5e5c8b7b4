import { memo } from 'react'
import { PhoneIncoming, PhoneOutgoing, Globe } from 'lucide-react'
import type { CallInfo } from '../../../src-preload/contract'
import { Countdown, Duration } from '../../components/Timers'
import { StateBadge } from '../../components/StateBadge'
import { callStateKind, DIRECTION_WORD, isTerminal, remoteParty, stateWord } from '../../lib/call-state'
import { partyName, voiceModeWord } from '../../lib/call-labels'
import { lastCallerLine } from '../../lib/caller-words'
import { formatPhone } from '../../lib/format'
import { waitingTurnFor } from '../../store/selectors'
import { useAppStore } from '../../store/store-context'

const DIRECTION_ICON = { inbound: PhoneIncoming, outbound: PhoneOutgoing, web: Globe } as const

export const rowDomId = (callId: string): string => `call-row-${callId}`

/** The name a screen reader (and a test) gets for a row; ticking numbers stay out of it. */
export function rowName(call: CallInfo, waiting: boolean, sandboxCallId: string | null): string {
  const who = call.id === sandboxCallId ? 'Sandbox phone' : formatPhone(remoteParty(call))
  return `${DIRECTION_WORD[call.direction]} call, ${who}, agent ${call.agentName ?? 'unknown'}, ${stateWord(call, waiting)}`
}

/**
 * One live call: direction, who, agent, state, running time, what the caller said last, and any countdown.
 * Memoized: a pushed event re-renders the row of the call it touched, not all of them.
 */
export const CallRow = memo(function CallRow(props: { call: CallInfo; selected: boolean; onOpen: (id: string) => void }) {
  const { call, selected } = props
  const turn = useAppStore((s) => waitingTurnFor(s, call.id))
  // What the caller said, not the agent's filler that usually follows it.
  const callerLine = useAppStore((s) => lastCallerLine(s.transcripts[call.id]))
  const linesKnown = useAppStore((s) => s.transcripts[call.id] !== undefined)
  const sandboxCallId = useAppStore((s) => s.phoneCallId)
  const sandbox = useAppStore((s) => s.status?.mode === 'sandbox')
  const DirIcon = DIRECTION_ICON[call.direction]
  // Without the call's lines (a window opened mid-call) the core's last words are all there is.
  const lastWords = callerLine?.text || turn?.transcript || (linesKnown ? null : call.lastWords)
  const silent = isTerminal(call.status) ? 'The caller said nothing' : 'The caller has not spoken yet'
  return (
    <div
      id={rowDomId(call.id)}
      role="option"
      aria-selected={selected}
      aria-label={rowName(call, turn !== null, sandboxCallId)}
      className={`row${selected ? ' row--selected' : ''}${turn ? ' row--waiting' : ''}`}
      onClick={() => props.onOpen(call.id)}
    >
      <span className="cell cell--dir" title={DIRECTION_WORD[call.direction]}>
        <DirIcon size={14} aria-hidden="true" />
        <span className="dir-word">{DIRECTION_WORD[call.direction]}</span>
      </span>
      <span className="cell cell--who">
        <span className="strong">{partyName(call, sandboxCallId, sandbox)}</span>
        <span className="mono muted">{formatPhone(remoteParty(call))}</span>
      </span>
      <span className="cell cell--agent">
        <span className="strong">{call.agentName ?? 'Unknown agent'}</span>
        <span className="muted small">{voiceModeWord(call, sandbox)}</span>
      </span>
      <span className="cell cell--state">
        <StateBadge kind={callStateKind(call, turn !== null)} word={stateWord(call, turn !== null)} />
      </span>
      <span className="cell cell--time">
        <Duration startedAt={call.startedAt} endedAt={call.endedAt} />
      </span>
      <span className="cell cell--deadline">{turn ? <Countdown deadline={turn.deadline} /> : <span className="muted">—</span>}</span>
      <span className="cell cell--words" title={lastWords || undefined}>
        {lastWords || <span className="muted">{silent}</span>}
      </span>
    </div>
  )
})
