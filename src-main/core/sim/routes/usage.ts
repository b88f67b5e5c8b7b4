/** `/v1/usage…` (agentphone-api.md §2.1), counted from the account's own records. */
import { z } from 'zod'
import type { Account } from '../account'
import type { SimRuntime } from '../context'
import { parseWith } from '../http-errors'
import type { Router } from '../router'
import { durationSeconds } from '../call-state'
import type { CallRec } from '../types'

const DAY = 86_400_000

/**
 * `plan.limits` (agentphone-api.md §9.2): the MCP server reads `limits.numbers`. The sandbox enforces
 * the number limit; the others are reported as a pay-as-you-go account's, not enforced.
 */
export const PLAN_LIMITS = { messagesPerMonth: 10_000, voiceMinutesPerMonth: 1_000, maxCallDurationMinutes: 30, concurrentCalls: 5 }

/** Billed voice minutes: each call's talk time rounded up to the minute. */
function voiceMinutes(calls: Iterable<CallRec>, from: number, to: number): number {
  let minutes = 0
  for (const c of calls) {
    const at = Date.parse(c.startedAt)
    const seconds = durationSeconds(c)
    if (at >= from && at < to && seconds) minutes += Math.ceil(seconds / 60)
  }
  return minutes
}

function since(account: Account, from: number): { messages: number; calls: number } {
  return {
    messages: account.messages.filter((m) => Date.parse(m.receivedAt) >= from).length,
    calls: [...account.calls.values()].filter((c) => Date.parse(c.startedAt) >= from).length
  }
}

function inRange<T>(items: Iterable<T>, at: (t: T) => string, from: number, to: number): number {
  let n = 0
  for (const t of items) {
    const ms = Date.parse(at(t))
    if (ms >= from && ms < to) n++
  }
  return n
}

export function usageRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/usage', ({ account }) => {
    const now = rt.clock.now()
    const used = account.activeNumbers().length
    const d1 = since(account, now - DAY)
    const d7 = since(account, now - 7 * DAY)
    const d30 = since(account, now - 30 * DAY)
    const start = new Date(now)
    const periodStart = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1))
    const periodEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1))
    return {
      plan: { name: 'payg', limits: { numbers: rt.numberLimit, ...PLAN_LIMITS } },
      numbers: { used, limit: rt.numberLimit, remaining: Math.max(0, rt.numberLimit - used) },
      stats: {
        totalMessages: account.messages.length,
        messagesLast24h: d1.messages,
        messagesLast7d: d7.messages,
        messagesLast30d: d30.messages,
        smsSegmentsLast30d: d30.messages,
        totalCalls: account.calls.size,
        callsLast24h: d1.calls,
        callsLast7d: d7.calls,
        callsLast30d: d30.calls,
        totalWebhookDeliveries: account.deliveries.length,
        successfulWebhookDeliveries: account.deliveries.filter((d) => d.status === 'delivered').length,
        failedWebhookDeliveries: account.deliveries.filter((d) => d.status === 'failed').length
      },
      periodStart: periodStart.toISOString(),
      periodEnd: periodEnd.toISOString()
    }
  })

  r.get('/v1/usage/daily', ({ account, query }) => {
    const { days } = parseWith(z.object({ days: z.coerce.number().int().min(1).max(365).default(30) }), { days: query.days }, 'query')
    const today = Math.floor(rt.clock.now() / DAY) * DAY
    const data = Array.from({ length: days }, (_, i) => {
      const from = today - (days - 1 - i) * DAY
      return {
        date: new Date(from).toISOString().slice(0, 10),
        messages: inRange(account.messages, (m) => m.receivedAt, from, from + DAY),
        calls: inRange(account.calls.values(), (c) => c.startedAt, from, from + DAY),
        webhooks: inRange(account.deliveries, (d) => d.createdAt, from, from + DAY),
        // Not in the OpenAPI point; the vendor's MCP server prints it, so it rides alongside (§9.8).
        voiceMinutes: voiceMinutes(account.calls.values(), from, from + DAY)
      }
    })
    return { data, days }
  })

  r.get('/v1/usage/monthly', ({ account, query }) => {
    const { months } = parseWith(z.object({ months: z.coerce.number().int().min(1).max(24).default(6) }), { months: query.months }, 'query')
    const now = new Date(rt.clock.now())
    const data = Array.from({ length: months }, (_, i) => {
      const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 1 - i), 1)
      const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (months - 2 - i), 1)
      return {
        month: new Date(from).toISOString().slice(0, 7),
        messages: inRange(account.messages, (m) => m.receivedAt, from, to),
        calls: inRange(account.calls.values(), (c) => c.startedAt, from, to),
        webhooks: inRange(account.deliveries, (d) => d.createdAt, from, to),
        voiceMinutes: voiceMinutes(account.calls.values(), from, to)
      }
    })
    return { data, months }
  })

  r.get('/v1/usage/by-number', ({ account }) => ({
    data: [...account.numbers.values()].map((n) => ({
      numberId: n.id,
      phoneNumber: n.phoneNumber,
      country: n.country,
      status: n.status,
      agentId: n.agentId,
      agentName: n.agentId ? (account.agents.get(n.agentId)?.name ?? null) : null,
      messages: account.messages.filter((m) => m.numberId === n.id).length,
      calls: [...account.calls.values()].filter((c) => c.phoneNumberId === n.id).length
    }))
  }))

  r.get('/v1/usage/by-agent', ({ account, query }) => {
    const { period } = parseWith(z.object({ period: z.enum(['week', 'month', 'year']), tz: z.string().optional() }), query, 'query')
    const now = rt.clock.now()
    const from = now - { week: 7, month: 30, year: 365 }[period] * DAY
    const calls = [...account.calls.values()].filter((c) => Date.parse(c.startedAt) >= from)
    const messages = account.messages.filter((m) => Date.parse(m.receivedAt) >= from)
    const ids = new Set<string | null>([...account.agents.keys(), ...calls.map((c) => c.agentId), ...messages.map((m) => m.agentId)])
    const data = [...ids].map((id) => {
      const mine = calls.filter((c) => c.agentId === id)
      const seconds = mine.reduce((s, c) => s + (c.endedAt ? Math.round((Date.parse(c.endedAt) - Date.parse(c.startedAt)) / 1000) : 0), 0)
      return {
        agentId: id,
        agentName: id ? (account.agents.get(id)?.name ?? 'Deleted agent') : 'Unassigned',
        messages: messages.filter((m) => m.agentId === id).length,
        calls: mine.length,
        totalSeconds: seconds,
        isOrphan: id === null
      }
    })
    return { data, period, periodStart: new Date(from).toISOString(), periodEnd: new Date(now).toISOString() }
  })
}
