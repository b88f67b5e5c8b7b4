import type { CallInfo } from '../../../src-preload/contract'
import { isTerminal } from '../../lib/call-state'
import { sortedLiveCalls } from '../../store/selectors'
import type { AppState } from '../../store/types'

type BoardState = Pick<AppState, 'calls' | 'turns' | 'lingering'>

const endTime = (c: CallInfo): number => Date.parse(c.endedAt ?? c.startedAt)

/**
 * The live board: live calls (waiting ones first), then calls that ended moments ago. Those stay a
 * little so a call does not vanish under the pointer the instant the caller hangs up.
 */
export function boardCalls(s: BoardState): CallInfo[] {
  const recentlyEnded: CallInfo[] = []
  for (const id of Object.keys(s.lingering)) {
    const c = s.calls[id]
    if (c && isTerminal(c.status)) recentlyEnded.push(c)
  }
  recentlyEnded.sort((a, b) => endTime(b) - endTime(a))
  return [...sortedLiveCalls(s), ...recentlyEnded]
}

/** Ended calls no longer on the board: what the core listed plus what ended while we watched. */
export function recentCallList(s: Pick<AppState, 'calls' | 'lingering' | 'recentCalls'>): CallInfo[] {
  const byId = new Map<string, CallInfo>()
  for (const c of s.recentCalls) byId.set(c.id, c)
  // The store's copy is newer than a fetched list (it came from a pushed event).
  for (const c of Object.values(s.calls)) if (isTerminal(c.status)) byId.set(c.id, c)
  for (const id of Object.keys(s.lingering)) byId.delete(id)
  return [...byId.values()].filter((c) => isTerminal(c.status)).sort((a, b) => endTime(b) - endTime(a))
}
