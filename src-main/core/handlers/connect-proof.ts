import type { CommandResult, Delivery, WebhookConfig } from '../../../src-preload/contract'
import type { ApiDelivery } from '../agentphone/schemas-webhooks'
import type { SessionContext } from './context'

/** How long the console waits for the API's test delivery to come back through the tunnel. */
export const TEST_ARRIVAL_TIMEOUT_MS = 8000

type ConnectResult = CommandResult<'webhooks.connect'>
type ProofContext = Pick<SessionContext, 'api' | 'clock' | 'deliveries' | 'receiver' | 'emit' | 'connectTimeoutMs'>
type TestCall = () => Promise<{ success?: boolean; httpStatus?: number | null; errorMessage?: string | null }>

const TEST_EVENT = 'agent.message'

/** A refused delivery was never parsed: its event is then the one its header names. */
function eventOf(d: Delivery): string | null {
  return d.event ?? d.headers['x-webhook-event'] ?? null
}

/** Test deliveries say so in their state (agentphone-api.md §3.3: `conversationState.testMode`). */
function isTestBody(d: Delivery): boolean {
  try {
    const body = JSON.parse(d.body) as { event?: unknown; conversationState?: { testMode?: unknown } | null }
    return body.event === TEST_EVENT && body.conversationState?.testMode === true
  } catch {
    return false
  }
}

/**
 * The id AgentPhone gave the test delivery it just sent (its delivery log's newest `agent.message`
 * since `sinceMs`), which is also the X-Webhook-ID it carried; null when the log does not say.
 */
async function testDeliveryId(ctx: ProofContext, agentId: string | null, sinceMs: number): Promise<string | null> {
  let items: ApiDelivery[]
  try {
    items = agentId ? await ctx.api.agentWebhooks.deliveries(agentId, { limit: 10 }) : (await ctx.api.webhooks.deliveries({ limit: 10 })).items
  } catch {
    return null
  }
  const tests = items
    .filter((d) => d.eventType === TEST_EVENT && (!d.createdAt || Date.parse(d.createdAt) >= sinceMs))
    .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
  return tests[0]?.id ?? null
}

/**
 * Asks AgentPhone for a test delivery and waits for *that* delivery at the receiver: an
 * `agent.message` whose X-Webhook-ID is the one AgentPhone reports (or, if its log does not say,
 * whose body is marked as a test). A real SMS arriving in the same seconds is not taken for it.
 */
export async function proveRoundTrip(ctx: ProofContext, webhook: WebhookConfig, agentId: string | null, test: TestCall): Promise<ConnectResult> {
  const since = ctx.clock.now() - 1000
  const timeoutMs = ctx.connectTimeoutMs ?? TEST_ARRIVAL_TIMEOUT_MS
  ctx.emit({ event: 'webhooks.progress', data: { step: 'waiting', detail: `Waiting for the test delivery at the receiver (port ${ctx.receiver.port})…` } })
  // Listen before asking: the delivery can arrive before the API answers the test call.
  const seen: Delivery[] = []
  const off = ctx.deliveries.watch((d) => void (!d.replayed && eventOf(d) === TEST_EVENT && seen.push(d)))
  try {
    let apiSaid = ''
    try {
      const result = await test()
      if (!result.success) apiSaid = ` AgentPhone reported ${result.httpStatus ? `HTTP ${result.httpStatus}` : 'no answer'}${result.errorMessage ? `: ${result.errorMessage}` : ''}.`
    } catch (err) {
      return refused(webhook, `The URL is registered, but AgentPhone refused to send a test delivery: ${err instanceof Error ? err.message : String(err)}`)
    }
    const id = await testDeliveryId(ctx, agentId, since)
    const isTheTest = (d: Delivery): boolean => !d.replayed && eventOf(d) === TEST_EVENT && (id ? d.webhookId === id : isTestBody(d))
    const delivery = seen.find(isTheTest) ?? (await ctx.deliveries.waitFor(isTheTest, Math.max(0, since + 1000 + timeoutMs - ctx.clock.now()), ctx.clock))
    if (!delivery) {
      const port = ctx.receiver.port
      return {
        webhook,
        test: 'not_arrived',
        detail: `Nothing reached the receiver. Check that your tunnel forwards ${webhook.url} to http://127.0.0.1:${port}/webhook (port ${port}).${apiSaid}`
      }
    }
    return diagnose(webhook, delivery)
  } finally {
    off()
  }
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

export function refused(webhook: WebhookConfig | null, detail: string): ConnectResult {
  return { webhook, test: 'api_refused', detail }
}
