import type { HttpClient, RequestOptions } from '../http'
import { seg } from '../http'
import type { ApiSuccess } from '../schemas'
import { SuccessSchema } from '../schemas'
import type { ApiDelivery, ApiDeliveryPage, ApiDeliveryStats, ApiWebhook, ApiWebhookTestResult } from '../schemas-webhooks'
import { AgentDeliveriesSchema, DeliveryPageSchema, DeliveryStatsSchema, MaybeWebhookSchema, WebhookSchema, WebhookTestSchema } from '../schemas-webhooks'

/** Create/update body, the same for both scopes. */
export interface WebhookInput {
  /** HTTPS URL the events go to. */
  url: string
  /** Messages of `recentHistory` per event, 0–50 (server default 10). */
  contextLimit?: number
  /** Seconds AgentPhone waits for a response, 5–120 (server default 30). */
  timeout?: number
}

export interface DeliveryQuery {
  limit?: number
  offset?: number
  /** Only the last N hours, 1–168. */
  hours?: number
}

/**
 * `/v1/webhooks…`: the project (account) webhook (agentphone-api.md §2.7). `set` is an upsert that
 * returns a fresh secret each time; it is marked idempotent because repeating it leaves the same
 * configuration, and the secret to keep is always the one in the last answer.
 */
export class WebhooksResource {
  constructor(private readonly http: HttpClient) {}

  /** The project webhook, or null when none is set. */
  get(opts: RequestOptions = {}): Promise<ApiWebhook | null> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/webhooks' }, MaybeWebhookSchema)
  }

  set(input: WebhookInput, opts: RequestOptions = {}): Promise<ApiWebhook> {
    return this.http.json({ ...opts, method: 'POST', path: '/v1/webhooks', body: input, idempotent: true }, WebhookSchema)
  }

  /** Removes the project webhook; agent webhooks are unaffected. */
  delete(opts: RequestOptions = {}): Promise<ApiSuccess> {
    return this.http.json({ ...opts, method: 'DELETE', path: '/v1/webhooks' }, SuccessSchema)
  }

  /** Sends a test event; `agentId` picks which agent appears in the payload. */
  test(agentId?: string, opts: RequestOptions = {}): Promise<ApiWebhookTestResult> {
    return this.http.json({ ...opts, method: 'POST', path: '/v1/webhooks/test', query: { agentId } }, WebhookTestSchema)
  }

  /** One page of deliveries as `{items, total, offset, limit}` (MCP-style answers are converted). */
  async deliveries(query: DeliveryQuery = {}, opts: RequestOptions = {}): Promise<ApiDeliveryPage> {
    const page = await this.http.json({ ...opts, method: 'GET', path: '/v1/webhooks/deliveries', query: { ...query } }, DeliveryPageSchema)
    return { items: page.items, total: page.total, offset: page.offset ?? query.offset ?? 0, limit: page.limit ?? query.limit ?? page.items.length }
  }

  /** Delivery counts for the last `hours` (server default 24). */
  stats(hours?: number, opts: RequestOptions = {}): Promise<ApiDeliveryStats> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/webhooks/deliveries/stats', query: { hours } }, DeliveryStatsSchema)
  }
}

/** `/v1/agents/{id}/webhook…`: an agent's own webhook, which overrides the project one for that agent. */
export class AgentWebhooksResource {
  constructor(private readonly http: HttpClient) {}

  get(agentId: string, opts: RequestOptions = {}): Promise<ApiWebhook | null> {
    return this.http.json({ ...opts, method: 'GET', path: `/v1/agents/${seg(agentId)}/webhook` }, MaybeWebhookSchema)
  }

  /** Upsert; see WebhooksResource for why it is retried. */
  set(agentId: string, input: WebhookInput, opts: RequestOptions = {}): Promise<ApiWebhook> {
    const spec = { ...opts, method: 'POST' as const, path: `/v1/agents/${seg(agentId)}/webhook`, body: input, idempotent: true }
    return this.http.json(spec, WebhookSchema)
  }

  /** Removes the agent's webhook; its events fall back to the project webhook. */
  delete(agentId: string, opts: RequestOptions = {}): Promise<ApiSuccess> {
    return this.http.json({ ...opts, method: 'DELETE', path: `/v1/agents/${seg(agentId)}/webhook` }, SuccessSchema)
  }

  test(agentId: string, opts: RequestOptions = {}): Promise<ApiWebhookTestResult> {
    return this.http.json({ ...opts, method: 'POST', path: `/v1/agents/${seg(agentId)}/webhook/test` }, WebhookTestSchema)
  }

  /** Recent deliveries as a bare array (the endpoint has no total). `hours` is sent only if given (MCP sends it; OAS does not declare it). */
  deliveries(agentId: string, query: { limit?: number; hours?: number } = {}, opts: RequestOptions = {}): Promise<ApiDelivery[]> {
    const spec = { ...opts, method: 'GET' as const, path: `/v1/agents/${seg(agentId)}/webhook/deliveries`, query: { ...query } }
    return this.http.json(spec, AgentDeliveriesSchema)
  }
}
