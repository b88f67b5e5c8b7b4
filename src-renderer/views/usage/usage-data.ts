import { z } from 'zod'
import type { CommandResult } from '../../../src-preload/contract'

export type DailyRow = CommandResult<'usage.daily'>['data'][number]
export type MonthlyRow = CommandResult<'usage.monthly'>['data'][number]

/** One bar group of a chart: a readable label, the key it came from, and the counts drawn. */
export type ChartPoint = { key: string; label: string; calls: number; messages: number; minutes?: number }

export type SeriesSummary = {
  calls: number
  messages: number
  /** Billed call minutes (AgentPhone rounds each call up to the minute). */
  minutes: number
  /** The point with the most calls plus messages; null when every count is zero. */
  busiest: ChartPoint | null
}

const count = z.number().int().nonnegative().catch(0)
const maybe = z.number().int().nonnegative().nullable().catch(null)

/**
 * `usage.summary` crosses the bridge untyped (the API changed its shape over time, agentphone-api.md
 * §2.1 and §7): every field is optional here, and a missing one reads as unknown, never as zero.
 */
const SummarySchema = z.object({
  numbers: z.object({ used: maybe, limit: maybe, remaining: maybe }).partial().catch({}),
  stats: z
    .object({
      callsLast24h: maybe,
      callsLast7d: maybe,
      callsLast30d: maybe,
      totalCalls: maybe,
      messagesLast24h: maybe,
      messagesLast7d: maybe,
      messagesLast30d: maybe,
      totalMessages: maybe,
      totalWebhookDeliveries: maybe,
      successfulWebhookDeliveries: maybe,
      failedWebhookDeliveries: maybe
    })
    .partial()
    .catch({}),
  periodStart: z.string().nullable().catch(null),
  periodEnd: z.string().nullable().catch(null)
})

type Stats = z.infer<typeof SummarySchema>['stats']
export type UsageSummary = {
  numbers: { used: number | null; limit: number | null; remaining: number | null }
  stats: { [K in keyof Required<Stats>]: number | null }
  periodStart: string | null
  periodEnd: string | null
}

const STAT_KEYS = [
  'callsLast24h', 'callsLast7d', 'callsLast30d', 'totalCalls',
  'messagesLast24h', 'messagesLast7d', 'messagesLast30d', 'totalMessages',
  'totalWebhookDeliveries', 'successfulWebhookDeliveries', 'failedWebhookDeliveries'
] as const

export function parseSummary(raw: unknown): UsageSummary {
  const p = SummarySchema.safeParse(raw ?? {})
  const v = p.success ? p.data : { numbers: {}, stats: {} as Stats, periodStart: null, periodEnd: null }
  const stats = Object.fromEntries(STAT_KEYS.map((k) => [k, v.stats[k] ?? null])) as UsageSummary['stats']
  return {
    numbers: { used: v.numbers.used ?? null, limit: v.numbers.limit ?? null, remaining: v.numbers.remaining ?? null },
    stats,
    periodStart: v.periodStart ?? null,
    periodEnd: v.periodEnd ?? null
  }
}

// The API's dates are UTC calendar days and months: formatting them in local time would shift
// "2026-03-01" to the evening of February 28 west of Greenwich.
const DAY_LABEL = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const MONTH_LABEL = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' })

function label(fmt: Intl.DateTimeFormat, iso: string): string {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : fmt.format(t)
}

/** Daily rows in date order, whatever order the API sent them in; bad counts read as zero. */
export function toDailyPoints(rows: readonly DailyRow[]): ChartPoint[] {
  return [...rows]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((r) => ({ key: r.date, label: label(DAY_LABEL, r.date), calls: count.parse(r.calls), messages: count.parse(r.messages), minutes: count.parse(r.voiceMinutes ?? 0) }))
}

export function toMonthlyPoints(rows: readonly MonthlyRow[]): ChartPoint[] {
  return [...rows]
    .sort((a, b) => a.month.localeCompare(b.month))
    .map((r) => ({ key: r.month, label: label(MONTH_LABEL, `${r.month}-01`), calls: count.parse(r.calls), messages: count.parse(r.messages), minutes: count.parse(r.voiceMinutes ?? 0) }))
}

export function summarize(points: readonly ChartPoint[]): SeriesSummary {
  let busiest: ChartPoint | null = null
  let calls = 0
  let messages = 0
  let minutes = 0
  for (const p of points) {
    calls += p.calls
    messages += p.messages
    minutes += p.minutes ?? 0
    if (p.calls + p.messages > 0 && (!busiest || p.calls + p.messages > busiest.calls + busiest.messages)) busiest = p
  }
  return { calls, messages, minutes, busiest }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

/** The sentence a screen reader hears for a chart, and the one shown under it. */
export function describeSeries(points: readonly ChartPoint[], span: string): string {
  const s = summarize(points)
  if (!s.busiest) return `No calls or messages ${span}.`
  const b = s.busiest
  const minutes = s.minutes > 0 ? ` (${plural(s.minutes, 'call minute')})` : ''
  return `${plural(s.calls, 'call')}${minutes} and ${plural(s.messages, 'message')} ${span}; busiest: ${b.label} (${plural(b.calls, 'call')}, ${plural(b.messages, 'message')}).`
}
