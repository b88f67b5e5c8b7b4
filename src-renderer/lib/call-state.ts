import type { CallInfo, CallStatus } from '../../src-preload/contract'

export function isTerminal(status: CallStatus): boolean {
  return status === 'completed' || status === 'failed'
}

/**
 * Whether a call's turns can wait for a person at all: a fallback-only call is answered by the
 * fallback line and a hosted agent answers itself, so neither is worth anyone's attention.
 */
export function waitsForPerson(call: CallInfo | undefined): boolean {
  return !call || (call.answeredBy !== 'fallback' && call.voiceMode !== 'hosted')
}

export type StateKind = 'waiting' | 'ringing' | 'live' | 'ending' | 'ended' | 'failed'

/** What a row says about a call: a waiting turn outranks the call's own status. */
export function callStateKind(call: CallInfo, waiting: boolean): StateKind {
  if (call.status === 'failed') return 'failed'
  if (call.status === 'completed') return 'ended'
  if (waiting) return 'waiting'
  if (call.status === 'ringing') return 'ringing'
  if (call.status === 'ending') return 'ending'
  return 'live'
}

export const STATE_WORD: Record<StateKind, string> = {
  waiting: 'Waiting for you',
  ringing: 'Ringing',
  live: 'Live',
  ending: 'Ending',
  ended: 'Ended',
  failed: 'Failed'
}

/** The state in words; an ended call says how it ended ("Declined", "Caller hung up", "Ended by you"). */
export function stateWord(call: CallInfo, waiting: boolean): string {
  if (isTerminal(call.status) && call.outcome) return call.outcome.label
  return STATE_WORD[callStateKind(call, waiting)]
}

export const DIRECTION_WORD: Record<CallInfo['direction'], string> = {
  inbound: 'Inbound',
  outbound: 'Outbound',
  web: 'Web'
}

/** The person on the far end: the caller for inbound calls, the called party for outbound ones. */
export function remoteParty(call: CallInfo): string {
  return call.direction === 'outbound' ? call.to : call.from
}

/** The agent's own number on this call. */
export function agentNumber(call: CallInfo): string {
  return call.direction === 'outbound' ? call.from : call.to
}
