import type { CommandParams } from '../../src-preload/contract'
import { claimedByOther, waitingTurnFor } from './selectors'
import type { DraftsSlice, SliceDeps } from './types'

/** How often typing renews a claim: well inside the core's 10 s idle limit. */
export const CLAIM_KEEPALIVE_MS = 3000

export const TOO_LATE_MESSAGE = 'Too late: the turn already closed — your text was kept'

const DRAFTS_KEY = 'switchboard.drafts'
/** Drafts of this many calls survive a reload; older ones are dropped first. */
const KEPT_DRAFTS = 50

/** Half-typed replies survive a reload or a renderer crash: what a person typed is never lost. */
function readDrafts(storage: SliceDeps['storage']): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(DRAFTS_KEY) ?? '{}')
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {}
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'))
  } catch {
    return {} // a damaged entry costs the kept drafts, never the app
  }
}

function writeDrafts(storage: SliceDeps['storage'], drafts: Record<string, string>): void {
  const kept = Object.entries(drafts).filter(([, text]) => text !== '').slice(-KEPT_DRAFTS)
  try {
    storage?.setItem(DRAFTS_KEY, JSON.stringify(Object.fromEntries(kept)))
  } catch {
    // storage full or disabled: the drafts stay in memory for this window
  }
}

type ReplyParams = Omit<CommandParams<'turns.reply'>, 'turnId'>

/**
 * Sends one reply to a call's waiting turn; true when the core took it. Refusals become a notice
 * in the call's composer. Shared by the drafts slice and the supervision slice (quick replies,
 * transfer) so every way of answering reports "too late" the same way.
 */
export function createReplier({ set, get, bridge }: SliceDeps): (callId: string, params: ReplyParams) => Promise<boolean> {
  const setNotice = (callId: string, notice: DraftsSlice['notices'][string]): void =>
    set((s) => ({ notices: { ...s.notices, [callId]: notice } }))
  const setSending = (callId: string, sending: boolean): void =>
    set((s) => ({ sending: { ...s.sending, [callId]: sending } }))

  return async function reply(callId, params) {
    const turn = waitingTurnFor(get(), callId)
    if (!turn) {
      setNotice(callId, { kind: 'too-late', text: TOO_LATE_MESSAGE })
      return false
    }
    setSending(callId, true)
    const res = await bridge.invoke('turns.reply', { turnId: turn.turnId, ...params, by: get().operator })
    setSending(callId, false)
    if (res.ok) {
      setNotice(callId, undefined)
      return true
    }
    if (res.error.code === 'turn_closed' || res.error.code === 'not_found') {
      get().closeTurn(turn.turnId)
      setNotice(callId, { kind: 'too-late', text: TOO_LATE_MESSAGE })
    } else if (res.error.code === 'turn_claimed') {
      setNotice(callId, { kind: 'error', text: `Someone else is answering this turn: ${res.error.message}` })
    } else {
      setNotice(callId, { kind: 'error', text: `Not sent: ${res.error.message}` })
    }
    return false
  }
}

/**
 * Drafts are kept per call rather than per turn: when a reply is refused as too late, the kept
 * text stays in the same box and can go out as the answer to the caller's next turn.
 */
export function createDraftsSlice(deps: SliceDeps): DraftsSlice {
  const { set, get } = deps
  const reply = createReplier(deps)
  // When each turn was last claimed from here: typing keeps the claim alive, a few seconds apart
  // (the core lets a claim lapse after 10 s without it, see turn-claims.ts).
  const lastClaimed = new Map<string, number>()
  const claim = async (turnId: string): Promise<void> => {
    const now = Date.now()
    if (now - (lastClaimed.get(turnId) ?? -Infinity) < CLAIM_KEEPALIVE_MS) return
    if (lastClaimed.size > 100) lastClaimed.clear()
    lastClaimed.set(turnId, now)
    // A refusal needs no notice here: the turn.claimed event already shows who has it.
    await deps.bridge.invoke('turns.claim', { turnId, by: get().operator })
  }
  return {
    drafts: readDrafts(deps.storage),
    notices: {},
    sending: {},

    setDraft(callId, text) {
      set((s) => ({ drafts: { ...s.drafts, [callId]: text } }))
      writeDrafts(deps.storage, get().drafts)
      // Typing claims the waiting turn (and keeps the claim), so teammates on the same hub see who answers it.
      const turn = waitingTurnFor(get(), callId)
      if (turn && !claimedByOther(get(), turn) && text.trim() !== '') void claim(turn.turnId)
    },
    async takeOverTurn(callId) {
      const turn = waitingTurnFor(get(), callId)
      if (!turn) return { code: 'turn_closed', message: 'This turn already closed.' }
      const res = await deps.bridge.invoke('turns.claim', { turnId: turn.turnId, takeOver: true })
      if (!res.ok) return res.error
      lastClaimed.set(turn.turnId, Date.now())
      get().claimTurn(turn.turnId, res.value.claimedBy, res.value.claimedById ?? null)
      return null
    },
    async sendReply(callId, { interim, hangup }) {
      const text = (get().drafts[callId] ?? '').trim()
      if (!text || get().sending[callId]) return
      // An interim line cannot hang up (the contract refuses it), so the flag only rides on finals.
      const params = interim ? { text, interim: true } : hangup ? { text, hangup: true } : { text }
      if (await reply(callId, params)) {
        // Only clear what was sent: the person may have typed more while it was in flight.
        set((s) => ({ drafts: { ...s.drafts, [callId]: (s.drafts[callId] ?? '').trim() === text ? '' : s.drafts[callId] ?? '' } }))
        writeDrafts(deps.storage, get().drafts)
      }
    },
    async sendDigits(callId, digits, { endTurn, hangup }) {
      if (!digits || get().sending[callId]) return false
      // Pressed as an interim line the turn stays open for a spoken answer after the keys.
      if (!endTurn) return reply(callId, { digits, interim: true })
      return reply(callId, hangup ? { digits, hangup: true } : { digits })
    }
  }
}
