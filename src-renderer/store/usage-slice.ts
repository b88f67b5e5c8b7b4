import type { CommandResult, UsageByAgentRow, UsageByNumberRow } from '../../src-preload/contract'
import type { SliceDeps } from './types'

export const USAGE_SPANS = [7, 30, 90] as const
export type UsageSpan = (typeof USAGE_SPANS)[number]
/** Months the monthly chart shows: the API's default is 6, a year reads better on a chart. */
export const USAGE_MONTHS = 12
export const AGENT_PERIODS = ['week', 'month', 'year'] as const
export type AgentPeriod = (typeof AGENT_PERIODS)[number]

export interface UsageSlice {
  /** `usage.summary` as the API sent it; views parse it (its shape changed over time). */
  usageSummary: CommandResult<'usage.summary'> | null
  usageDaily: CommandResult<'usage.daily'>['data'] | null
  usageMonthly: CommandResult<'usage.monthly'>['data'] | null
  usageSpan: UsageSpan
  usageByAgent: UsageByAgentRow[] | null
  usageByNumber: UsageByNumberRow[] | null
  usageAgentPeriod: AgentPeriod
  usageLoading: boolean
  usageError: string | null
  loadUsage(): Promise<void>
  setUsageSpan(span: UsageSpan): Promise<void>
  setUsageAgentPeriod(period: AgentPeriod): Promise<void>
}

export function createUsageSlice({ set, get, bridge }: SliceDeps): UsageSlice {
  // A quick 7 → 90 → 30 toggle must not let the slower 90-day answer land last and win.
  let dailySeq = 0

  async function loadDaily(): Promise<string | null> {
    const seq = ++dailySeq
    const res = await bridge.invoke('usage.daily', { days: get().usageSpan })
    if (seq !== dailySeq) return null
    if (!res.ok) return res.error.message
    set({ usageDaily: res.value.data })
    return null
  }

  // The breakdowns are extras: one that fails leaves its chart empty and the rest of the view working.
  async function loadBreakdowns(): Promise<void> {
    const [agents, numbers] = await Promise.all([bridge.invoke('usage.byAgent', { period: get().usageAgentPeriod }), bridge.invoke('usage.byNumber', {})])
    set((s) => ({
      usageByAgent: agents.ok ? agents.value.data : s.usageByAgent,
      usageByNumber: numbers.ok ? numbers.value.data : s.usageByNumber
    }))
  }

  return {
    usageSummary: null,
    usageByAgent: null,
    usageByNumber: null,
    usageAgentPeriod: 'month',
    usageDaily: null,
    usageMonthly: null,
    usageSpan: 30,
    usageLoading: false,
    usageError: null,

    async loadUsage() {
      set({ usageLoading: true, usageError: null })
      const [summary, dailyError, monthly] = await Promise.all([
        bridge.invoke('usage.summary', {}),
        loadDaily(),
        bridge.invoke('usage.monthly', { months: USAGE_MONTHS }),
        loadBreakdowns()
      ])
      const error = (!summary.ok ? summary.error.message : null) ?? dailyError ?? (!monthly.ok ? monthly.error.message : null)
      set((s) => ({
        usageSummary: summary.ok ? summary.value : s.usageSummary,
        usageMonthly: monthly.ok ? monthly.value.data : s.usageMonthly,
        usageLoading: false,
        usageError: error
      }))
    },
    async setUsageAgentPeriod(period) {
      set({ usageAgentPeriod: period })
      await loadBreakdowns()
    },
    async setUsageSpan(span) {
      set({ usageSpan: span })
      const error = await loadDaily()
      if (error) set({ usageError: error })
    }
  }
}
