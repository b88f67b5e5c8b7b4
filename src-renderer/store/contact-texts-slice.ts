import type { ContactText, ContactTextsSlice } from './messages-types'
import type { SliceDeps } from './types'

/** Texts kept on the sandbox phone's thread. */
export const MAX_CONTACT_TEXTS = 200

/** The sandbox phone as an SMS contact, plus the tester's "make the next request fail" switches. */
export function createContactTextsSlice({ set, get, bridge }: SliceDeps): ContactTextsSlice {
  let nextLocal = 1
  const add = (t: ContactText): void =>
    set((s) => (s.contactTexts.some((x) => x.id === t.id) ? s : { contactTexts: [...s.contactTexts, t].slice(-MAX_CONTACT_TEXTS) }))
  const patch = (id: string, p: Partial<ContactText>): void =>
    set((s) => ({ contactTexts: s.contactTexts.map((t) => (t.id === id ? { ...t, ...p } : t)) }))

  /** One attempt: the bubble already on the thread says sending, then sent or why not. */
  async function send(localId: string): Promise<boolean> {
    const t = get().contactTexts.find((x) => x.id === localId)
    if (!t) return false
    patch(localId, { state: 'sending', error: undefined })
    const res = await bridge.invoke('sandbox.sms', { to: t.agentNumber, body: t.body })
    if (!res.ok) {
      patch(localId, { state: 'failed', error: res.error.message })
      return false
    }
    patch(localId, { id: res.value.messageId, state: 'sent' })
    return true
  }

  return {
    contactTexts: [],
    faultsArmed: { 'messages.send': 0, 'calls.place': 0 },

    async textAsContact(to, body) {
      const localId = `local:text_${nextLocal++}`
      add({ id: localId, side: 'contact', body, at: new Date().toISOString(), agentNumber: to, state: 'sending' })
      return send(localId)
    },
    retryContactText(localId) {
      return send(localId)
    },
    async armFault(target) {
      const ok = get().report('Arming the simulated failure', await bridge.invoke('sandbox.fault', { target, count: 1 }))
      if (ok) set((s) => ({ faultsArmed: { ...s.faultsArmed, [target]: s.faultsArmed[target] + 1 } }))
    },
    takeContactText(m) {
      add({ id: m.id, side: 'agent', body: m.body, at: m.at, agentNumber: m.from })
    },
    noteFaultUsed(target) {
      set((s) => (s.faultsArmed[target] > 0 ? { faultsArmed: { ...s.faultsArmed, [target]: s.faultsArmed[target] - 1 } } : s))
    }
  }
}
