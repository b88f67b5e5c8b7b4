import type { CallInfo, OpenTurn } from '../../src-preload/contract'
import { isTerminal, waitsForPerson } from '../lib/call-state'
import type { AppState } from './types'

type TurnsAndCalls = Pick<AppState, 'turns' | 'calls'>

/** Each call's waiting turn (the oldest deadline), computed once per turns map and then shared. */
let turnIndexFor: AppState['turns'] | null = null
let turnIndex = new Map<string, { turn: OpenTurn; deadline: number }>()
function turnsByCall(turns: AppState['turns']): Map<string, { turn: OpenTurn; deadline: number }> {
  if (turns === turnIndexFor) return turnIndex
  const index = new Map<string, { turn: OpenTurn; deadline: number }>()
  for (const t of Object.values(turns)) {
    const deadline = Date.parse(t.deadline)
    const best = index.get(t.callId)
    if (!best || deadline < best.deadline) index.set(t.callId, { turn: t, deadline })
  }
  turnIndexFor = turns
  turnIndex = index
  return index
}

/**
 * The turn a call is waiting on (the oldest, should the core ever hold two). Every row asks this
 * on every store change, so it is a map lookup, not a scan of all turns.
 */
export function waitingTurnFor(s: TurnsAndCalls, callId: string): OpenTurn | null {
  return turnsByCall(s.turns).get(callId)?.turn ?? null
}

let sortedFor: { calls: AppState['calls']; turns: AppState['turns']; result: CallInfo[] } | null = null

/**
 * Live calls, the ones waiting for a person first (most urgent deadline on top), then newest.
 * Memoized on the calls and turns maps: a transcript line changes neither, so the Monitor's
 * selector costs nothing then; otherwise one pass and a sort on pre-parsed times.
 */
export function sortedLiveCalls(s: TurnsAndCalls): CallInfo[] {
  if (sortedFor && sortedFor.calls === s.calls && sortedFor.turns === s.turns) return sortedFor.result
  const index = turnsByCall(s.turns)
  const keyed: Array<{ c: CallInfo; deadline: number | null; started: number }> = []
  for (const c of Object.values(s.calls)) {
    if (isTerminal(c.status)) continue
    keyed.push({ c, deadline: index.get(c.id)?.deadline ?? null, started: Date.parse(c.startedAt) })
  }
  keyed.sort((a, b) => {
    if (a.deadline !== null && b.deadline !== null) return a.deadline - b.deadline
    if (a.deadline !== null) return -1
    if (b.deadline !== null) return 1
    return b.started - a.started
  })
  const result = keyed.map((k) => k.c)
  sortedFor = { calls: s.calls, turns: s.turns, result }
  return result
}

let waitingFor: { calls: AppState['calls']; turns: AppState['turns']; result: OpenTurn[] } | null = null

/**
 * Turns waiting for a person on calls still live, the first deadline (the oldest turn) first:
 * what the alert, the title and the favicon count. Memoized on the calls and turns maps.
 */
export function waitingTurns(s: TurnsAndCalls): OpenTurn[] {
  if (waitingFor && waitingFor.calls === s.calls && waitingFor.turns === s.turns) return waitingFor.result
  const keyed: Array<{ t: OpenTurn; deadline: number }> = []
  for (const t of Object.values(s.turns)) {
    const call = s.calls[t.callId]
    if ((call && isTerminal(call.status)) || !waitsForPerson(call)) continue
    keyed.push({ t, deadline: Date.parse(t.deadline) })
  }
  keyed.sort((a, b) => a.deadline - b.deadline)
  const result = keyed.map((k) => k.t)
  waitingFor = { calls: s.calls, turns: s.turns, result }
  return result
}

/** The waiting turn whose deadline comes first: the one `w` jumps to. */
export function oldestWaitingTurn(s: TurnsAndCalls): OpenTurn | null {
  return waitingTurns(s)[0] ?? null
}

/**
 * The name of whoever else holds `turn`'s claim, or null when nobody does or it is this window's
 * person. Compared by the link's id where the core gave one: two people may share a name.
 */
export function claimedByOther(s: Pick<AppState, 'me' | 'operator'>, turn: Pick<OpenTurn, 'claimedBy' | 'claimedById'> | null | undefined): string | null {
  if (!turn?.claimedBy) return null
  if (turn.claimedById && s.me) return turn.claimedById === s.me.id ? null : turn.claimedBy
  return turn.claimedBy === s.operator ? null : turn.claimedBy
}
