import { BarChart3, RotateCw } from 'lucide-react'
import { useEffect, useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { USAGE_SPANS } from '../../store/usage-slice'
import { LoadState } from '../directory/LoadState'
import { ChartFigure } from './ChartFigure'
import { SpanChoice } from './SpanChoice'
import { StatGrid } from './StatGrid'
import { UsageBreakdowns } from './UsageBreakdowns'
import { parseSummary, summarize, toDailyPoints, toMonthlyPoints } from './usage-data'

/** Usage: the account's totals as a stat grid, and calls and messages per day and per month. */
export function UsageView() {
  const s = useAppStore(
    useShallow((st) => ({
      raw: st.usageSummary,
      daily: st.usageDaily,
      monthly: st.usageMonthly,
      span: st.usageSpan,
      loading: st.usageLoading,
      error: st.usageError,
      load: st.loadUsage,
      setSpan: st.setUsageSpan,
      coreStart: st.status ? `${st.status.mode}@${st.status.startedAt}` : null,
      sandbox: st.status?.mode === 'sandbox'
    }))
  )
  const { load, coreStart } = s
  // Fetched on opening and after a core restart; ended calls and messages refresh it too (call-history-events.ts).
  useEffect(() => void load(), [load, coreStart])

  const summary = useMemo(() => (s.raw ? parseSummary(s.raw) : null), [s.raw])
  const daily = useMemo(() => (s.daily ? toDailyPoints(s.daily) : null), [s.daily])
  const monthly = useMemo(() => (s.monthly ? toMonthlyPoints(s.monthly) : null), [s.monthly])
  const quiet = daily !== null && summarize(daily).busiest === null

  return (
    <section className="view" aria-labelledby="usage-heading" aria-busy={s.loading}>
      <div className="view-header">
        <h1 id="usage-heading">Usage</h1>
        {summary?.periodStart ? <span className="muted small mono">period from {summary.periodStart.slice(0, 10)}</span> : null}
        <span className="header-spacer" />
        <button type="button" className="button button--quiet" onClick={() => void load()} disabled={s.loading} aria-label="Reload usage">
          <RotateCw size={14} aria-hidden="true" className={s.loading ? 'dir-spin' : undefined} />
        </button>
      </div>
      <div className="usage-body">
        {s.error ? <LoadState what="usage" loading={s.loading} error={s.error} onRetry={() => void load()} /> : null}
        {summary ? <StatGrid summary={summary} /> : s.error ? null : <LoadState what="usage" loading error={null} onRetry={() => void load()} />}
        {quiet ? (
          <p className="usage-quiet">
            <BarChart3 size={14} aria-hidden="true" />
            {s.sandbox
              ? 'Nothing in this period yet. Dial the Sandbox Agent from the phone on the right, or send it a text: the calls and messages show up here.'
              : 'Nothing in this period yet: calls and messages to your numbers show up here.'}
          </p>
        ) : null}
        <div className="usage-charts">
          <section className="usage-panel" aria-label="Daily usage">
            <SpanChoice label="Days shown" name="usage-span" options={USAGE_SPANS} value={s.span} word={(d) => `${d} days`} onChange={(d) => void s.setSpan(d)} />
            <ChartFigure title="Calls and messages per day" span={`in the last ${s.span} days`} points={daily} periodWord="Day" />
          </section>
          <section className="usage-panel" aria-label="Monthly usage">
            <ChartFigure title="Calls and messages per month" span={`in the last ${monthly?.length ?? 12} months`} points={monthly} periodWord="Month" />
          </section>
        </div>
        <UsageBreakdowns />
      </div>
    </section>
  )
}
