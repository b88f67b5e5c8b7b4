import type { SandboxSlice, SliceDeps } from './types'

/** Lines of "what the caller heard" kept per call. */
export const MAX_HEARD_LINES = 200

export function createSandboxSlice({ set, get, bridge }: SliceDeps): SandboxSlice {
  const phoneCall = (): string | null => get().phoneCallId

  return {
    heard: {},
    phoneCallId: null,
    lastPhoneCallId: null,
    ringing: null,
    dialing: false,

    async dial(to) {
      set({ dialing: true })
      const res = get().report('Dialling', await bridge.invoke('sandbox.dial', { to }))
      set(res ? { dialing: false, phoneCallId: res.callId, lastPhoneCallId: res.callId } : { dialing: false })
    },
    async say(text) {
      const callId = phoneCall()
      if (!callId) return false
      return get().report('Saying that', await bridge.invoke('sandbox.say', { callId, text })) !== undefined
    },
    async press(digits) {
      const callId = phoneCall()
      if (!callId) return
      get().report('Pressing keys', await bridge.invoke('sandbox.press', { callId, digits }))
    },
    async hangup() {
      const callId = phoneCall()
      if (!callId) return
      const ok = get().report('Hanging up', await bridge.invoke('sandbox.hangup', { callId }))
      // The call.ended event also clears it; clearing here keeps the phone usable if it is late.
      if (ok) set({ phoneCallId: null })
    },
    async answer() {
      const ring = get().ringing
      if (!ring) return
      const ok = get().report('Answering', await bridge.invoke('sandbox.answer', { callId: ring.callId }))
      if (ok) set({ ringing: null, phoneCallId: ring.callId, lastPhoneCallId: ring.callId })
    },
    async decline() {
      const ring = get().ringing
      if (!ring) return
      set({ ringing: null })
      get().report('Declining', await bridge.invoke('sandbox.decline', { callId: ring.callId }))
    },
    addHeard(callId, line) {
      set((s) => {
        const lines = s.heard[callId] ?? []
        const next = [...lines.slice(lines.length >= MAX_HEARD_LINES ? 1 : 0), line]
        return { heard: { ...s.heard, [callId]: next } }
      })
    },
    setRinging(ringing) {
      set({ ringing })
    },
    async resetSandbox() {
      const res = await bridge.invoke('sandbox.reset', {})
      if (!res.ok) return res.error
      // The app.status event carries it too; taking the answer keeps the view right if it is late.
      // What the views hold of the old sandbox goes, and is asked for again.
      set({ status: res.value, ringing: null, phoneCallId: null, conversations: {}, threads: {}, pickerAgents: null })
      const s = get()
      // Each loader reports its own refusal; a throw here must not become an unhandled rejection.
      void Promise.all([s.loadConversations(), s.loadAgents(), s.loadNumbers(), s.loadUsage()]).catch(() => undefined)
      return null
    }
  }
}
