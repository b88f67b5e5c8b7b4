import type { OutreachSlice } from './messages-types'
import type { SliceDeps } from './types'

/** The two "start something" dialogs: a new text thread and an outbound call. */
export function createOutreachSlice({ set, get, bridge }: SliceDeps): OutreachSlice {
  return {
    pickerAgents: null,
    pickerVoices: null,
    pickerError: null,
    outreachDialog: null,

    openOutreach(outreachDialog) {
      set({ outreachDialog })
      // Agents (and for calls, voices) change rarely: asked for when the dialog opens until known.
      if (outreachDialog === 'new-message') void get().loadPickers()
      else if (outreachDialog === 'place-call' && (get().pickerAgents === null || get().pickerVoices === null)) void get().loadPickers({ voices: true })
    },

    async loadPickers(opts = {}) {
      const [agents, voices] = await Promise.all([
        bridge.invoke('agents.list', { limit: 100 }),
        opts.voices ? bridge.invoke('agents.voices', {}) : Promise.resolve(null)
      ])
      if (!agents.ok) set({ pickerError: `Could not load the agents: ${agents.error.message}` })
      else set({ pickerAgents: agents.value.items, pickerError: null })
      // Voices are optional: the agent's own voice is used when the list cannot be had.
      if (voices?.ok) set({ pickerVoices: voices.value.items })
    },

    async startConversation(params) {
      const res = await bridge.invoke('messages.send', params)
      get().noteFaultUsed('messages.send')
      if (!res.ok) return res.error
      get().takeMessage(res.value, 'sent')
      const s = get()
      const id = Object.keys(s.threads).find((k) => s.threads[k]?.some((m) => m.id === res.value.id))
      if (id) await s.openConversation(id)
      else get().setView('messages')
      return null
    },

    async placeCall(params) {
      // Never retried here: a second attempt could ring the person twice. The dialog keeps the
      // fields so the person can press Place again if they want to.
      const res = await bridge.invoke('calls.place', params)
      get().noteFaultUsed('calls.place')
      if (!res.ok) return { error: res.error }
      const call = res.value
      // The call.started event may already have put it on the board; the answer is no older.
      if (!get().calls[call.id]) get().upsertCall(call)
      void get().openCall(call.id)
      return { call }
    }
  }
}
