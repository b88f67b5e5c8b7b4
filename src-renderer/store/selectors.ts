import type { CallInfo, OpenTurn } from '../../src-preload/contract'
import { isTerminal } from '../lib/call-state'
import type { AppState } from './types'

type TurnsAndCalls = Pick<AppState, 'turns' | 'calls'>

/** The turn a call is waiting on (the oldest, should the core ever hold two). */
export function waitingTurnFor(s: TurnsAndCalls, callId: string): OpenTurn | null {
  let best: OpenTurn | null = null
  for (const t of Object.values(s.turns)) {
    if (t.callId === callId && (!best || Date.parse(t.deadline) < Date.parse(best.deadline))) best = t
  }
  return best
}

/** Live calls, the ones waiting for a person first (most urgent deadline on top), then newest. */
export function sortedLiveCalls(s: TurnsAndCalls): CallInfo[] {
  const live = Object.values(s.calls).filter((c) => !isTerminal(c.status))
  const deadline = new Map(live.map((c) => [c.id, waitingTurnFor(s, c.id)?.deadline ?? null]))
  return live.sort((a, b) => {
    const da = deadline.get(a.id) ?? null
    const db = deadline.get(b.id) ?? null
    if (da && db) return Date.parse(da) - Date.parse(db)
    if (da) return -1
    if (db) return 1
    return Date.parse(b.startedAt) - Date.parse(a.startedAt)
  })
}

/** The waiting turn whose deadline comes first: the one `w` jumps to. */
export function oldestWaitingTurn(s: TurnsAndCalls): OpenTurn | null {
  let best: OpenTurn | null = null
  for (const t of Object.values(s.turns)) {
    const call = s.calls[t.callId]
    if (call && isTerminal(call.status)) continue
    if (!best || Date.parse(t.deadline) < Date.parse(best.deadline)) best = t
  }
  return best
}
