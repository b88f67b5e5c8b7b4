import type { CommandResult, Delivery, WebhookConfig } from '../../../src-preload/contract'
import type { ApiWebhook } from '../agentphone/schemas-webhooks'
import { CoreError } from '../errors'
import { LAST_DELIVERY_KEY, OUR_WEBHOOK_KEY, PREVIOUS_WEBHOOK_KEY, TUNNEL_URL_KEY, WEBHOOK_SECRET } from '../live/keys'
import { detectNgrokTunnel, withWebhookPath } from '../live/tunnel'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/** How long the console waits for the API's test delivery to come back through the tunnel. */
export const TEST_ARRIVAL_TIMEOUT_MS = 8000

interface Registration extends WebhookConfig {
  scope: 'project' | 'agent'
  agentId: string | null
}

type ConnectResult = CommandResult<'webhooks.connect'>

/**
 * Live-mode connection: register the tunnel URL with AgentPhone (project or one agent), keep the
 * secret it returns, then prove the round trip with the API's test delivery and say which of the
 * four things happened.
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
      const ours = ctx.store.get<Registration | null>(OUR_WEBHOOK_KEY)
      return {
        scope: agentId ? 'agent' : 'project',
        agentId: agentId ?? null,
        current: current ? toConfig(current) : null,
        ours: Boolean(current && ours && ours.url === current.url && (ours.agentId ?? undefined) === agentId),
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
      const target = withWebhookPath(url)
      const api = scopeApi(agentId)
      const scope = agentId ? 'agent' : 'project'
      let registered: ApiWebhook
      ctx.emit({ event: 'webhooks.progress', data: { step: 'registering', detail: `Registering ${target} with AgentPhone…` } })
      try {
        const current = await api.get()
        const ours = ctx.store.get<Registration | null>(OUR_WEBHOOK_KEY)
        if (current && current.url !== target && current.url !== ours?.url) {
          ctx.store.set(PREVIOUS_WEBHOOK_KEY, { ...toConfig(current), scope, agentId: agentId ?? null })
        }
        registered = await api.set({ url: target, ...(contextLimit !== undefined ? { contextLimit } : {}), ...(timeout !== undefined ? { timeout } : {}) })
      } catch (err) {
        return refused(null, `AgentPhone refused the registration: ${message(err)}`)
      }
      if (!registered.secret) return refused(toConfig(registered), 'AgentPhone registered the URL but returned no signing secret.')
      ctx.ring.rotate(registered.secret)
      ctx.secrets.set(WEBHOOK_SECRET, registered.secret)
      ctx.store.set(OUR_WEBHOOK_KEY, { ...toConfig(registered), scope, agentId: agentId ?? null })
      ctx.store.set(TUNNEL_URL_KEY, url)
      // The turn deadline follows the webhook timeout AgentPhone will actually wait.
      if (registered.timeout ?? timeout) ctx.updateSettings({ webhookTimeoutSeconds: registered.timeout ?? timeout })
      ctx.gaps?.start()
      return proveRoundTrip(ctx, toConfig(registered), api.test)
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
      ctx.store.set(OUR_WEBHOOK_KEY, null)
      ctx.store.set(PREVIOUS_WEBHOOK_KEY, null)
      ctx.gaps?.stop()
      return { restored, note }
    }
  }
}

async function proveRoundTrip(ctx: SessionContext, webhook: WebhookConfig, test: () => Promise<{ success?: boolean; httpStatus?: number | null; errorMessage?: string | null }>): Promise<ConnectResult> {
  const since = ctx.clock.now() - 1000
  ctx.emit({ event: 'webhooks.progress', data: { step: 'waiting', detail: `Waiting for the test delivery at the receiver (port ${ctx.receiver.port})…` } })
  // Listen before asking: the delivery can arrive before the API answers the test call.
  const arrival = ctx.deliveries.waitFor((d) => Date.parse(d.receivedAt) >= since && !d.replayed, ctx.connectTimeoutMs ?? TEST_ARRIVAL_TIMEOUT_MS)
  let apiSaid = ''
  try {
    const result = await test()
    if (!result.success) apiSaid = ` AgentPhone reported ${result.httpStatus ? `HTTP ${result.httpStatus}` : 'no answer'}${result.errorMessage ? `: ${result.errorMessage}` : ''}.`
  } catch (err) {
    return refused(webhook, `The URL is registered, but AgentPhone refused to send a test delivery: ${message(err)}`)
  }
  const delivery = await arrival
  if (!delivery) {
    const port = ctx.receiver.port
    return {
      webhook,
      test: 'not_arrived',
      detail: `Nothing reached the receiver. Check that your tunnel forwards ${webhook.url} to http://127.0.0.1:${port}/webhook (port ${port}).${apiSaid}`
    }
  }
  return diagnose(webhook, delivery)
}

function diagnose(webhook: WebhookConfig, delivery: Delivery): ConnectResult {
  if (delivery.outcome !== 'refused') return { webhook, test: 'verified', detail: 'A test delivery arrived through the tunnel and its signature verified.' }
  if (delivery.reason === 'stale_timestamp') {
    return { webhook, test: 'bad_signature', detail: "A test delivery arrived, but its timestamp is more than five minutes from this computer's clock: check the system time." }
  }
  return {
    webhook,
    test: 'bad_signature',
    detail: `A test delivery arrived but was refused (${delivery.reason ?? 'unknown reason'}): the signing secret does not match the one AgentPhone just issued, or something between AgentPhone and Switchboard (a proxy) rewrote the body.`
  }
}

function refused(webhook: WebhookConfig | null, detail: string): ConnectResult {
  return { webhook, test: 'api_refused', detail }
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
