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
