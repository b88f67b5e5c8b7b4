import type { ContactText, ContactTextsSlice } from './messages-types'
import type { SliceDeps } from './types'

/** Texts kept on the sandbox phone's thread. */
export const MAX_CONTACT_TEXTS = 200

/** The sandbox phone as an SMS contact, plus the tester's "make the next request fail" switches. */
export function createContactTextsSlice({ set, get, bridge }: SliceDeps): ContactTextsSlice {
  const add = (t: ContactText): void =>
    set((s) => (s.contactTexts.some((x) => x.id === t.id) ? s : { contactTexts: [...s.contactTexts, t].slice(-MAX_CONTACT_TEXTS) }))

  return {
    contactTexts: [],
    faultsArmed: { 'messages.send': 0, 'calls.place': 0 },

    async textAsContact(to, body) {
      const res = get().report('Texting the agent', await bridge.invoke('sandbox.sms', { to, body }))
      if (!res) return false
      add({ id: res.messageId, side: 'contact', body, at: new Date().toISOString(), agentNumber: to })
      return true
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
