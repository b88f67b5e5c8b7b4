import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { AGENT_PERIODS } from '../../store/usage-slice'
import { ChartFigure } from './ChartFigure'
import { SpanChoice } from './SpanChoice'
import type { ChartPoint } from './usage-data'

const PERIOD_WORD = { week: 'the last 7 days', month: 'the last 30 days', year: 'the last year' } as const
const PERIOD_NAME = { week: 'Week', month: 'Month', year: 'Year' } as const

/** Calls, messages and call minutes per agent (for a period) and per number, from AgentPhone's usage endpoints. */
export function UsageBreakdowns() {
  const s = useAppStore(
    useShallow((st) => ({ byAgent: st.usageByAgent, byNumber: st.usageByNumber, period: st.usageAgentPeriod, setPeriod: st.setUsageAgentPeriod }))
  )
  const agents = useMemo<ChartPoint[] | null>(
    () => s.byAgent?.map((r) => ({ key: r.agentId ?? 'none', label: r.agentName, calls: r.calls, messages: r.messages, minutes: r.minutes })) ?? null,
    [s.byAgent]
  )
  const numbers = useMemo<ChartPoint[] | null>(
    () => s.byNumber?.map((r) => ({ key: r.numberId, label: formatPhone(r.phoneNumber), calls: r.calls, messages: r.messages })) ?? null,
    [s.byNumber]
  )
  return (
    <div className="usage-charts">
      <section className="usage-panel" aria-label="Usage per agent">
        <SpanChoice label="Period for agents" name="usage-agent-period" options={AGENT_PERIODS} value={s.period} word={(p) => PERIOD_NAME[p]} onChange={(p) => void s.setPeriod(p)} />
        <ChartFigure title="Per agent" span={`in ${PERIOD_WORD[s.period]}`} points={agents} periodWord="Agent" />
      </section>
      <section className="usage-panel" aria-label="Usage per number">
        <ChartFigure title="Per number" span="since each number was bought" points={numbers} periodWord="Number" />
      </section>
    </div>
  )
}
