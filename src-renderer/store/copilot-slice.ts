import type { BridgeResult, CommandParams, CopilotDraft, CopilotSmsDraft, CopilotStatus, CopilotTestResult, Message } from '../../src-preload/contract'
import { withoutKeys } from './bounded'
import { conversationIdFor } from './messages-match'
import type { SliceDeps } from './types'

/** A call's draft; `adopted` once it became the person's own text (its proposed action stays on show). */
export type CallCopilotDraft = CopilotDraft & { adopted?: boolean }

export interface CopilotSlice {
  /** The copilot's setup and state (never its key); null until loaded. */
  copilot: CopilotStatus | null
  /** The model's draft for each call's waiting turn, as it streams. */
  copilotDrafts: Record<string, CallCopilotDraft>
  /** The model's draft reply per SMS conversation. */
  smsDrafts: Record<string, CopilotSmsDraft>
  loadCopilot(): Promise<void>
  /** Saves a change; answers the refusal's message, or null when saved. */
  configureCopilot(patch: CommandParams<'copilot.configure'>): Promise<string | null>
  testCopilot(params: CommandParams<'copilot.test'>): Promise<CopilotTestResult>
  pauseAutopilot(paused: boolean): Promise<void>
  takeOver(callId: string): Promise<void>
  handBack(callId: string): Promise<void>
  takeCopilotDraft(draft: CopilotDraft): void
  /** Esc, or typing over it: the draft leaves the box and the model stops writing it. */
  dropCopilotDraft(callId: string): void
  /** The draft becomes the person's own text (sent as is, or edited from there). */
  adoptCopilotDraft(callId: string, text?: string): void
  takeSmsDraft(draft: CopilotSmsDraft): void
  dropSmsDraft(conversationId: string): void
  adoptSmsDraft(conversationId: string, text?: string): void
}

/** Turns the person cleared a draft for: later pieces of it must not bring it back. */
const MAX_DROPPED = 200

export function createCopilotSlice({ set, get, bridge }: SliceDeps): CopilotSlice {
  const dropped = new Set<string>()
  const remember = (id: string): void => {
    dropped.add(id)
    if (dropped.size > MAX_DROPPED) dropped.delete(dropped.values().next().value as string)
  }
  const status = async (p: Promise<BridgeResult<CopilotStatus>>, what: string): Promise<void> => {
    const value = get().report(what, await p)
    if (value) set({ copilot: value })
  }

  return {
    copilot: null,
    copilotDrafts: {},
    smsDrafts: {},

    async loadCopilot() {
      const res = await bridge.invoke('copilot.status', {})
      if (res.ok) set({ copilot: res.value })
    },
    async configureCopilot(patch) {
      const res = await bridge.invoke('copilot.configure', patch)
      if (!res.ok) return res.error.message
      set({ copilot: res.value })
      return null
    },
    async testCopilot(params) {
      const res = await bridge.invoke('copilot.test', params)
      return res.ok ? res.value : { ok: false, detail: `The test could not run: ${res.error.message}`, modelLabel: '', ms: 0 }
    },
    pauseAutopilot: (paused) => status(bridge.invoke('copilot.pause', { paused }), paused ? 'Pausing autopilot' : 'Resuming autopilot'),
    takeOver: (callId) => status(bridge.invoke('copilot.takeOver', { callId }), 'Taking over from autopilot'),
    handBack: (callId) => status(bridge.invoke('copilot.handBack', { callId }), 'Handing the call back to autopilot'),

    takeCopilotDraft(draft) {
      // A piece that lands after its turn closed (or after the person cleared it) is stale.
      if (dropped.has(draft.turnId) || !get().turns[draft.turnId]) return
      set((s) => ({ copilotDrafts: { ...s.copilotDrafts, [draft.callId]: draft } }))
    },
    dropCopilotDraft(callId) {
      const draft = get().copilotDrafts[callId]
      if (!draft) return
      remember(draft.turnId)
      set((s) => ({ copilotDrafts: withoutKeys(s.copilotDrafts, [callId]) }))
      if (!draft.done) void bridge.invoke('copilot.dismiss', { turnId: draft.turnId })
    },
    adoptCopilotDraft(callId, text) {
      const draft = get().copilotDrafts[callId]
      if (!draft || draft.adopted) return
      // The person's text from here on: later pieces would fight their edits, so the model stops.
      remember(draft.turnId)
      set((s) => ({ copilotDrafts: { ...s.copilotDrafts, [callId]: { ...draft, adopted: true } } }))
      if (!draft.done) void bridge.invoke('copilot.dismiss', { turnId: draft.turnId })
      get().setDraft(callId, text ?? draft.text)
    },

    takeSmsDraft(draft) {
      if (dropped.has(draft.messageId)) return
      const asMessage = { conversationId: draft.conversationId, direction: 'inbound', from: draft.from, to: draft.to } as Message
      const id = conversationIdFor(asMessage, get().conversations)
      set((s) => ({ smsDrafts: { ...s.smsDrafts, [id]: draft } }))
    },
    dropSmsDraft(conversationId) {
      const draft = get().smsDrafts[conversationId]
      if (!draft) return
      remember(draft.messageId)
      set((s) => ({ smsDrafts: withoutKeys(s.smsDrafts, [conversationId]) }))
      if (!draft.done) void bridge.invoke('copilot.dismiss', { messageId: draft.messageId })
    },
    adoptSmsDraft(conversationId, text) {
      const draft = get().smsDrafts[conversationId]
      if (!draft) return
      get().dropSmsDraft(conversationId)
      get().setMessageDraft(conversationId, text ?? draft.text)
    }
  }
}
