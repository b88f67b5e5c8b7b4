/**
 * Webhook configuration, project level (`/v1/webhooks…`) and per agent (`/v1/agents/{id}/webhook…`),
 * agentphone-api.md §2.7. The two delivery lists differ on purpose: the project list is
 * `{items, total, offset, limit}`, the agent list a bare array.
 */
import { z } from 'zod'
import { newestFirst } from '../account'
import type { Account } from '../account'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import type { Router } from '../router'
import { deliveryOut, webhookOut } from '../serialize'
import type { DeliveryRec } from '../types'
import { WebhookBody, sendTest, upsertWebhook } from '../webhook-config'

const noWebhook = (): HttpError => new HttpError(404, 'No webhook configured')

function recent(account: Account, query: Record<string, string>, now: number, scope?: string): DeliveryRec[] {
  const { hours } = parseWith(z.object({ hours: z.coerce.number().int().min(1).max(168).optional() }), { hours: query.hours }, 'query')
  const since = hours ? now - hours * 3_600_000 : -Infinity
  return newestFirst(account.deliveries, (d) => d.createdAt).filter((d) => Date.parse(d.createdAt) >= since && (scope === undefined || d.scope === scope))
}

function stats(list: DeliveryRec[]): Record<string, unknown> {
  const count = (s: string): number => list.filter((d) => d.status === s).length
  const byEventType: Record<string, Record<string, number>> = {}
  const byHour = new Map<string, Record<string, number>>()
  for (const d of list) {
    const e = (byEventType[d.eventType] ??= {})
    e[d.status] = (e[d.status] ?? 0) + 1
    const hour = `${d.createdAt.slice(0, 13)}:00:00Z`
    const h = byHour.get(hour) ?? { total: 0, success: 0, failed: 0 }
    h.total = (h.total ?? 0) + 1
    if (d.status === 'delivered') h.success = (h.success ?? 0) + 1
    if (d.status === 'failed') h.failed = (h.failed ?? 0) + 1
    byHour.set(hour, h)
  }
  const success = count('delivered')
  const failed = count('failed')
  return {
    total: list.length,
    success,
    failed,
    pending: count('pending'),
    successRate: list.length ? Math.round((success / list.length) * 10000) / 100 : 0,
    byEventType,
    byHour: [...byHour].map(([hour, v]) => ({ hour, ...v }))
  }
}

export function webhookRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/webhooks', ({ account }) => (account.projectWebhook ? webhookOut(account.projectWebhook) : null))

  r.post('/v1/webhooks', ({ account, body }) => {
    account.projectWebhook = upsertWebhook(rt, account.projectWebhook, parseWith(WebhookBody, body ?? {}))
    return webhookOut(account.projectWebhook)
  })

  r.delete('/v1/webhooks', ({ account }) => {
    if (!account.projectWebhook) throw noWebhook()
    account.projectWebhook = null
    return { success: true }
  })

  r.post('/v1/webhooks/test', ({ account, query }) => {
    const webhook = account.projectWebhook
    if (!webhook) throw noWebhook()
    const agentId = query.agentId ? account.agent(query.agentId).id : (newestFirst(account.agents.values(), (a) => a.createdAt).at(-1)?.id ?? null)
    return sendTest(rt, account, { scope: null, webhook }, agentId)
  })

  r.get('/v1/webhooks/deliveries', ({ account, query }) => {
    const p = parseWith(
      z.object({ limit: z.coerce.number().int().min(1).max(100).default(50), offset: z.coerce.number().int().min(0).default(0) }),
      { limit: query.limit, offset: query.offset },
      'query'
    )
    const list = recent(account, query, rt.clock.now())
    const items = list.slice(p.offset, p.offset + p.limit).map(deliveryOut)
    // `data`/`hasMore` are what the vendor's MCP client reads; served beside the OpenAPI shape (§9.8).
    return { items, total: list.length, offset: p.offset, limit: p.limit, data: items, hasMore: p.offset + items.length < list.length }
  })

  r.get('/v1/webhooks/deliveries/stats', ({ account, query }) => stats(recent(account, { hours: query.hours ?? '24' }, rt.clock.now())))

  r.get('/v1/webhooks/deliveries/all-time', ({ account }) => {
    const { total, success, failed, successRate } = stats(account.deliveries)
    return { total, success, failed, successRate }
  })

  r.get('/v1/agents/:agentId/webhook', ({ account, params }) => {
    const w = account.agentWebhooks.get(account.agent(params.agentId!).id)
    return w ? webhookOut(w) : null
  })

  r.post('/v1/agents/:agentId/webhook', ({ account, params, body }) => {
    const agent = account.agent(params.agentId!)
    const w = upsertWebhook(rt, account.agentWebhooks.get(agent.id) ?? null, parseWith(WebhookBody, body ?? {}))
    account.agentWebhooks.set(agent.id, w)
    return webhookOut(w)
  })

  r.delete('/v1/agents/:agentId/webhook', ({ account, params }) => {
    const agent = account.agent(params.agentId!)
    if (!account.agentWebhooks.delete(agent.id)) throw noWebhook()
    return { success: true }
  })

  r.post('/v1/agents/:agentId/webhook/test', ({ account, params }) => {
    const agent = account.agent(params.agentId!)
    const webhook = account.agentWebhooks.get(agent.id)
    if (!webhook) throw noWebhook()
    return sendTest(rt, account, { scope: agent.id, webhook }, agent.id)
  })

  r.get('/v1/agents/:agentId/webhook/deliveries', ({ account, params, query }) => {
    const agent = account.agent(params.agentId!)
    const { limit } = parseWith(z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) }), { limit: query.limit }, 'query')
    return recent(account, query, rt.clock.now(), agent.id).slice(0, limit).map(deliveryOut)
  })
}
