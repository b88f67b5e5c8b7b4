import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/** Usage per agent and per number, from AgentPhone's usage endpoints, in the shapes the charts draw. */
export function usageBreakdownHandlers(ctx: Pick<SessionContext, 'api'>): HandlerMap {
  return {
    'usage.byAgent': async ({ period = 'month' }) => {
      const res = await ctx.api.usage.byAgent(period, { tz: Intl.DateTimeFormat().resolvedOptions().timeZone })
      return {
        data: res.data.map((r) => ({
          agentId: r.agentId ?? null,
          agentName: r.agentName ?? (r.agentId ? 'Deleted agent' : 'Unassigned'),
          calls: r.calls ?? 0,
          messages: r.messages ?? 0,
          // Talk time in minutes, rounded up the way AgentPhone bills a call.
          minutes: Math.ceil((r.totalSeconds ?? 0) / 60)
        }))
      }
    },
    'usage.byNumber': async () => {
      const res = await ctx.api.usage.byNumber()
      return {
        data: res.data
          .filter((r) => r.numberId && r.phoneNumber)
          .map((r) => ({ numberId: r.numberId!, phoneNumber: r.phoneNumber!, agentName: r.agentName ?? null, calls: r.calls ?? 0, messages: r.messages ?? 0 }))
      }
    }
  }
}
