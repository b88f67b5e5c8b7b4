import type { CommandResult } from '../../src-preload/contract'
import type { SliceDeps } from './types'

export const USAGE_SPANS = [7, 30, 90] as const
export type UsageSpan = (typeof USAGE_SPANS)[number]
/** Months the monthly chart shows: the API's default is 6, a year reads better on a chart. */
export const USAGE_MONTHS = 12

export interface UsageSlice {
  /** `usage.summary` as the API sent it; views parse it (its shape changed over time). */
  usageSummary: CommandResult<'usage.summary'> | null
  usageDaily: CommandResult<'usage.daily'>['data'] | null
  usageMonthly: CommandResult<'usage.monthly'>['data'] | null
  usageSpan: UsageSpan
  usageLoading: boolean
  usageError: string | null
  loadUsage(): Promise<void>
  setUsageSpan(span: UsageSpan): Promise<void>
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

  return {
    usageSummary: null,
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
        bridge.invoke('usage.monthly', { months: USAGE_MONTHS })
      ])
      const error = (!summary.ok ? summary.error.message : null) ?? dailyError ?? (!monthly.ok ? monthly.error.message : null)
      set((s) => ({
        usageSummary: summary.ok ? summary.value : s.usageSummary,
        usageMonthly: monthly.ok ? monthly.value.data : s.usageMonthly,
        usageLoading: false,
        usageError: error
      }))
    },
    async setUsageSpan(span) {
      set({ usageSpan: span })
      const error = await loadDaily()
      if (error) set({ usageError: error })
    }
  }
}
