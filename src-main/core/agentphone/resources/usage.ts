import type { HttpClient, RequestOptions } from '../http'
import type { ApiDailyUsage, ApiMonthlyUsage, ApiUsage } from '../schemas'
import { DailyUsageSchema, MonthlyUsageSchema, UsageByAgentSchema, UsageByNumberSchema, UsageSchema } from '../schemas'
import type { z } from 'zod'

export type UsagePeriod = 'week' | 'month' | 'year'

/** `/v1/usage…`: account totals and charts (agentphone-api.md §2.1). */
export class UsageResource {
  constructor(private readonly http: HttpClient) {}

  /** Current totals. The legacy `plan` block may be absent. */
  get(opts: RequestOptions = {}): Promise<ApiUsage> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/usage' }, UsageSchema)
  }

  /** One point per day for the last `days` (server default 30, 1–365). */
  daily(days?: number, opts: RequestOptions = {}): Promise<ApiDailyUsage> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/usage/daily', query: { days } }, DailyUsageSchema)
  }

  /** One point per month for the last `months` (server default 6, ≤ 24). */
  monthly(months?: number, opts: RequestOptions = {}): Promise<ApiMonthlyUsage> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/usage/monthly', query: { months } }, MonthlyUsageSchema)
  }

  /** Messages and calls per number. */
  byNumber(opts: RequestOptions = {}): Promise<z.output<typeof UsageByNumberSchema>> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/usage/by-number' }, UsageByNumberSchema)
  }

  /** Messages, calls and talk time per agent for a period; `tz` is an IANA zone. */
  byAgent(period: UsagePeriod, opts: RequestOptions & { tz?: string } = {}): Promise<z.output<typeof UsageByAgentSchema>> {
    const { tz, ...rest } = opts
    return this.http.json({ ...rest, method: 'GET', path: '/v1/usage/by-agent', query: { period, tz } }, UsageByAgentSchema)
  }
}
