import type { CommandParams } from '../../src-preload/contract'
import { validateConnectForm, withWebhookPath } from './connect-form'
import type { SliceDeps } from './types'
import type { WebhookConnectSlice } from './webhooks-types'

export function createWebhookConnectSlice({ set, get, bridge }: SliceDeps): WebhookConnectSlice {
  const connectParams = (): CommandParams<'webhooks.connect'> => {
    const f = get().connectForm
    return {
      url: f.url.trim(),
      ...(f.agentId ? { agentId: f.agentId } : {}),
      ...(f.contextLimit.trim() ? { contextLimit: Number(f.contextLimit) } : {}),
      ...(f.timeout.trim() ? { timeout: Number(f.timeout) } : {})
    }
  }

  const runConnect = async (): Promise<void> => {
    // `webhooks.connect` answers once, after the registration and the wait for the test delivery;
    // the core's webhooks.progress events move the steps so a person knows what is being waited for.
    set({ connectStep: 'registering', replacing: null })
    const res = await bridge.invoke('webhooks.connect', connectParams())
    if (!res.ok) {
      // Refused before reaching AgentPhone (bad params, core down): the form keeps what was typed.
      get().report('Connecting the webhook', res)
      set({ connectStep: 'idle' })
      return
    }
    set({ connectStep: 'done', connectOutcome: res.value })
    // The core saved the tunnel URL and the registration: the header and the status card follow.
    void get().loadStatus()
    void get().loadWebhookSetup()
  }

  return {
    connectForm: { url: '', agentId: '', contextLimit: '', timeout: '' },
    connectFormErrors: {},
    connectStep: 'idle',
    connectOutcome: null,
    replacing: null,
    webhookStatus: null,
    webhookStatusError: null,
    scopeAgents: [],
    tunnelHint: null,
    detecting: false,
    disconnecting: false,
    disconnectNote: null,

    async loadWebhookSetup() {
      const agentId = get().connectForm.agentId
      const [status, agents] = await Promise.all([
        bridge.invoke('webhooks.status', agentId ? { agentId } : {}),
        bridge.invoke('agents.list', { limit: 100 })
      ])
      if (status.ok) {
        set({ webhookStatus: status.value, webhookStatusError: null })
        // Start from the URL the core remembers, unless the person has typed one already.
        if (!get().connectForm.url && status.value.tunnelUrl) get().setConnectForm({ url: status.value.tunnelUrl })
      } else set({ webhookStatusError: status.error.message })
      if (agents.ok) set({ scopeAgents: agents.value.items.map((a) => ({ id: a.id, name: a.name })) })
    },

    setConnectForm(patch) {
      set((s) => {
        const errors = { ...s.connectFormErrors }
        for (const k of Object.keys(patch) as Array<keyof typeof patch>) delete errors[k]
        return { connectForm: { ...s.connectForm, ...patch }, connectFormErrors: errors }
      })
    },

    async detectTunnel() {
      set({ detecting: true, tunnelHint: null })
      const res = await bridge.invoke('webhooks.detectTunnel', {})
      set({ detecting: false })
      if (!res.ok) return set({ tunnelHint: { ok: false, text: res.error.message } })
      if (res.value.url) get().setConnectForm({ url: res.value.url })
      set({ tunnelHint: { ok: Boolean(res.value.url), text: res.value.detail } })
    },

    async startConnect() {
      const errors = validateConnectForm(get().connectForm)
      set({ connectFormErrors: errors, connectOutcome: null, disconnectNote: null })
      if (Object.keys(errors).length > 0) return
      set({ connectStep: 'checking' })
      const agentId = get().connectForm.agentId
      const res = await bridge.invoke('webhooks.status', agentId ? { agentId } : {})
      if (res.ok) {
        set({ webhookStatus: res.value, webhookStatusError: null })
        const current = res.value.current
        if (current && !res.value.ours && current.url !== withWebhookPath(get().connectForm.url.trim())) {
          set({ connectStep: 'confirm', replacing: res.value })
          return
        }
      } else {
        // Reading the registration is a courtesy check; connect reports the API's own refusal.
        set({ webhookStatusError: res.error.message })
      }
      await runConnect()
    },

    confirmConnect: runConnect,

    cancelConnect() {
      set({ connectStep: 'idle', replacing: null })
    },

    async disconnect(restorePrevious) {
      set({ disconnecting: true })
      const res = await bridge.invoke('webhooks.disconnect', { restorePrevious })
      set({ disconnecting: false })
      const value = get().report('Disconnecting the webhook', res)
      if (!value) return false
      set({ disconnectNote: value.note, connectOutcome: null, connectStep: 'idle' })
      void get().loadWebhookSetup()
      return true
    }
  }
}
