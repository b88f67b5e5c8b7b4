import { createReplier } from './drafts-slice'
import type { SupervisionSlice } from './supervision-types'
import type { SliceDeps } from './types'

/** Turn closures kept per call: enough for any transcript on screen, bounded for all-day use. */
const MAX_CLOSURES = 50
function initialPermission(): SupervisionSlice['notifyPermission'] {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission
}

export function createSupervisionSlice(deps: SliceDeps): SupervisionSlice {
  const { set, get, bridge } = deps
  const reply = createReplier(deps)
  // Agents asked for once per session: a missing transfer number rarely changes mid-call, and the
  // call view asks again when it is reopened after the Agents view changed it.
  const agentRequests = new Map<string, Promise<void>>()

  return {
    callAgents: {},
    lingering: {},
    closures: {},
    notifyPermission: initialPermission(),
    answererPending: {},

    loadCallAgent(agentId) {
      const pending = agentRequests.get(agentId)
      if (pending) return pending
      const request = (async () => {
        const res = await bridge.invoke('agents.get', { agentId })
        set((s) => ({ callAgents: { ...s.callAgents, [agentId]: res.ok ? res.value : null } }))
        agentRequests.delete(agentId)
      })()
      agentRequests.set(agentId, request)
      return request
    },
    async setAnswerer(callId, answeredBy) {
      set((s) => ({ answererPending: { ...s.answererPending, [callId]: true } }))
      const call = get().report('Changing who answers', await bridge.invoke('calls.setAnswerer', { callId, answeredBy }))
      set((s) => ({ answererPending: { ...s.answererPending, [callId]: false } }))
      if (call) get().upsertCall(call)
    },
    transferCall(callId, to) {
      return reply(callId, to ? { action: 'transfer', transferTo: to } : { action: 'transfer' })
    },
    async sendQuickReply(callId, text, hangup) {
      const s = get()
      const waiting = Object.values(s.turns).some((t) => t.callId === callId)
      if (!waiting) {
        // Nothing to answer yet: the line goes in the box (after what is there) to send later.
        const draft = s.drafts[callId] ?? ''
        s.setDraft(callId, draft.trim() ? `${draft.trimEnd()} ${text}` : text)
        return
      }
      if (s.sending[callId]) return
      await reply(callId, hangup ? { text, hangup: true } : { text })
    },
    addClosure(closure) {
      set((s) => {
        const list = s.closures[closure.callId] ?? []
        return { closures: { ...s.closures, [closure.callId]: [...list, closure].slice(-MAX_CLOSURES) } }
      })
    },
    linger(callId, until) {
      set((s) => ({ lingering: { ...s.lingering, [callId]: until } }))
    },
    unlinger(callId) {
      set((s) => {
        if (!(callId in s.lingering)) return s
        const lingering = { ...s.lingering }
        delete lingering[callId]
        return { lingering }
      })
    },
    setNotifyPermission(notifyPermission) {
      set({ notifyPermission })
    }
  }
}
