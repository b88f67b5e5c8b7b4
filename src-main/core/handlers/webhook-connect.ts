import type { WebhookConfig } from '../../../src-preload/contract'
import type { ApiWebhook } from '../agentphone/schemas-webhooks'
import { CoreError } from '../errors'
import { LAST_DELIVERY_KEY, OUR_WEBHOOK_KEY, PREVIOUS_WEBHOOK_KEY, TUNNEL_URL_KEY } from '../live/keys'
import { checkDeadline } from '../live/settings'
import { detectNgrokTunnel, withWebhookPath } from '../live/tunnel'
import { dropRegistration, registrations, saveRegistration, scopeKey, secretName, type Registration } from '../live/webhook-scopes'
import { proveRoundTrip, refused } from './connect-proof'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/**
 * Live-mode connection: register the tunnel URL with AgentPhone (project or one agent), keep the
 * secret it returns (each registration its own), then prove the round trip with the API's test
 * delivery and say which of the four things happened. No half-states: a secret that cannot be
 * stored undoes the registration, or the answer says exactly what AgentPhone now holds.
 */
export function webhookConnectHandlers(ctx: SessionContext): HandlerMap {
  const scopeApi = (agentId: string | null | undefined) => ({
    get: () => (agentId ? ctx.api.agentWebhooks.get(agentId) : ctx.api.webhooks.get()),
    set: (body: { url: string; contextLimit?: number; timeout?: number }) =>
      agentId ? ctx.api.agentWebhooks.set(agentId, body) : ctx.api.webhooks.set(body),
    remove: () => (agentId ? ctx.api.agentWebhooks.delete(agentId) : ctx.api.webhooks.delete()),
    test: () => (agentId ? ctx.api.agentWebhooks.test(agentId) : ctx.api.webhooks.test())
  })

  return {
    'webhooks.status': async ({ agentId }) => {
      const current = await scopeApi(agentId).get()
      const ours = registrations(ctx.store)[scopeKey(agentId)]
      return {
        scope: agentId ? 'agent' : 'project',
        agentId: agentId ?? null,
        current: current ? toConfig(current) : null,
        ours: Boolean(current && ours && ours.url === current.url),
        previous: ctx.store.get<Registration | null>(PREVIOUS_WEBHOOK_KEY) ?? null,
        receiverUrl: ctx.receiver.url,
        receiverPort: ctx.receiver.port,
        tunnelUrl: ctx.store.get<string>(TUNNEL_URL_KEY) ?? null,
        lastDeliveryAt: ctx.store.get<string>(LAST_DELIVERY_KEY) ?? null
      }
    },

    'webhooks.detectTunnel': async () => {
      const found = await detectNgrokTunnel(ctx.receiver.port, ctx.ngrokApiUrl)
      return { url: found.url, source: found.url ? 'ngrok' : null, detail: found.detail }
    },

    'webhooks.connect': async ({ url, agentId, contextLimit, timeout }) => {
      // Refused before AgentPhone is asked: a timeout the margin eats whole leaves no time to answer.
      if (timeout !== undefined) checkDeadline(ctx.settings().deadlineMarginSeconds, timeout)
      const target = withWebhookPath(url)
      const api = scopeApi(agentId)
      const scope = agentId ? 'agent' : 'project'
      let registered: ApiWebhook
      let before: ApiWebhook | null = null
      ctx.emit({ event: 'webhooks.progress', data: { step: 'registering', detail: `Registering ${target} with AgentPhone…` } })
      try {
        before = await api.get()
        const ours = registrations(ctx.store)[scopeKey(agentId)]
        if (before && before.url !== target && before.url !== ours?.url) {
          ctx.store.set(PREVIOUS_WEBHOOK_KEY, { ...toConfig(before), scope, agentId: agentId ?? null })
        }
        registered = await api.set({ url: target, ...(contextLimit !== undefined ? { contextLimit } : {}), ...(timeout !== undefined ? { timeout } : {}) })
      } catch (err) {
        return refused(null, `AgentPhone refused the registration: ${message(err)}`)
      }
      if (!registered.secret) return refused(toConfig(registered), 'AgentPhone registered the URL but returned no signing secret.')
      try {
        ctx.secrets.set(secretName(agentId), registered.secret)
      } catch (err) {
        return refused(null, await undoRegistration(api, before, target, message(err)))
      }
      ctx.ring.rotate(registered.secret, scopeKey(agentId))
      saveRegistration(ctx.store, { ...toConfig(registered), scope, agentId: agentId ?? null })
      ctx.store.set(TUNNEL_URL_KEY, url)
      // The turn deadline follows the webhook timeout AgentPhone will actually wait.
      const waits = registered.timeout ?? timeout
      if (waits && waits > ctx.settings().deadlineMarginSeconds) ctx.updateSettings({ webhookTimeoutSeconds: waits })
      ctx.gaps?.start()
      return proveRoundTrip(ctx, toConfig(registered), agentId ?? null, api.test)
    },

    'webhooks.disconnect': async ({ restorePrevious }) => {
      const ours = ctx.store.get<Registration | null>(OUR_WEBHOOK_KEY)
      if (!ours) throw new CoreError('not_found', 'Switchboard has not registered a webhook, so there is nothing to disconnect.')
      const api = scopeApi(ours.agentId)
      const previous = ctx.store.get<Registration | null>(PREVIOUS_WEBHOOK_KEY)
      let restored: WebhookConfig | null = null
      let note: string
      if (restorePrevious && previous && previous.scope === ours.scope && previous.agentId === ours.agentId) {
        await api.set({ url: previous.url, ...(previous.contextLimit !== undefined ? { contextLimit: previous.contextLimit } : {}), ...(previous.timeout !== undefined ? { timeout: previous.timeout } : {}) })
        restored = { url: previous.url }
        note = `${previous.url} is registered again. AgentPhone issued it a new signing secret: give that server the new secret from the AgentPhone dashboard, or it will refuse deliveries.`
      } else {
        await api.remove()
        note = 'The webhook is removed: AgentPhone no longer sends events to Switchboard.'
      }
      // That registration's secret goes (after the grace period for deliveries already in flight).
      ctx.ring.rotate(null, scopeKey(ours.agentId))
      ctx.secrets.set(secretName(ours.agentId), undefined)
      dropRegistration(ctx.store, ours.agentId)
      ctx.store.set(PREVIOUS_WEBHOOK_KEY, null)
      if (Object.keys(registrations(ctx.store)).length === 0) ctx.gaps?.stop()
      return { restored, note }
    }
  }
}

/**
 * The new secret could not be stored (no keyring, a full disk): deliveries to `target` would all be
 * refused. Undo the registration: put back what was there, or remove ours. If even that fails, say
 * exactly what AgentPhone holds now.
 */
async function undoRegistration(
  api: { set(body: { url: string; contextLimit?: number; timeout?: number }): Promise<ApiWebhook>; remove(): Promise<unknown> },
  before: ApiWebhook | null,
  target: string,
  why: string
): Promise<string> {
  const head = `Switchboard could not store the signing secret AgentPhone issued (${why}), so it could not verify any delivery.`
  try {
    if (before) {
      await api.set({ url: before.url, ...(typeof before.contextLimit === 'number' ? { contextLimit: before.contextLimit } : {}), ...(typeof before.timeout === 'number' ? { timeout: before.timeout } : {}) })
      return `${head} The registration was undone: ${before.url} is registered again, with a new signing secret (AgentPhone issues one on every registration) — that server needs it from the AgentPhone dashboard.`
    }
    await api.remove()
    return `${head} The registration was undone: no webhook is registered, as before.`
  } catch (err) {
    return `${head} Undoing it failed too (${message(err)}): AgentPhone now sends events to ${target}, signed with a secret Switchboard does not have. Remove it in the AgentPhone dashboard, or connect again once secrets can be stored.`
  }
}

function toConfig(w: ApiWebhook): WebhookConfig {
  return {
    ...(w.id ? { id: w.id } : {}),
    url: w.url,
    ...(w.status ? { status: w.status } : {}),
    ...(typeof w.contextLimit === 'number' ? { contextLimit: w.contextLimit } : {}),
    ...(typeof w.timeout === 'number' ? { timeout: w.timeout } : {})
  }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
