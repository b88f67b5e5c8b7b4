import type { CallInfo, OpenTurn } from '../../../src-preload/contract'
import { partyName } from '../../lib/call-labels'
import { remoteParty } from '../../lib/call-state'
import { waitingWords } from '../../lib/caller-words'
import { formatPhone } from '../../lib/format'
import { waitingTurns } from '../../store/selectors'
import type { AppState } from '../../store/types'

/** The call a person is answering right now: its turn needs no alert on top of the Call view. */
export function answering(s: Pick<AppState, 'view' | 'openCallId'>): string | null {
  return s.view === 'monitor' ? s.openCallId : null
}

/** The turns the alert shows: every waiting one, oldest first, except the call already open. */
export function alertTurns(s: AppState): OpenTurn[] {
  const open = answering(s)
  const all = waitingTurns(s)
  return open === null ? all : all.filter((t) => t.callId !== open)
}

/** How the alert names one waiting turn, in words a screen reader can read as they are. */
export type TurnSummary = { who: string; number: string; agent: string; words: string | null }

export function summarize(s: Pick<AppState, 'calls' | 'transcripts' | 'phoneCallId' | 'status'>, turn: OpenTurn): TurnSummary {
  const call: CallInfo | undefined = s.calls[turn.callId]
  return {
    who: call ? partyName(call, s.phoneCallId, s.status?.mode === 'sandbox') : 'Caller',
    number: call ? formatPhone(remoteParty(call)) : '',
    agent: call?.agentName ?? 'an agent',
    words: waitingWords(turn, s.transcripts[turn.callId])
  }
}

/** One sentence for the polite announcement: who, to which agent, and what they said. */
export function announcement(sum: TurnSummary): string {
  const who = sum.number || sum.who
  return `${who} to ${sum.agent} is waiting for you${sum.words ? `: ${sum.words}` : '.'}`
}
