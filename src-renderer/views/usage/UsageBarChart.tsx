import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ChartPoint } from './usage-data'

/**
 * The drawn chart, loaded on demand (React.lazy) so recharts stays out of the start-up bundle.
 * Colours are design tokens: the same chart follows the light and dark themes.
 */
export default function UsageBarChart({ points }: { points: readonly ChartPoint[] }) {
  // Many thin bars read badly: past a month, labels thin out and the bars lose their gap.
  const dense = points.length > 31
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 200 }}>
      <BarChart data={[...points]} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barCategoryGap={dense ? 1 : '20%'} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--border)" />
        <XAxis dataKey="label" tick={{ fill: 'var(--text-muted)', fontSize: 11 }} tickLine={false} axisLine={{ stroke: 'var(--border)' }} minTickGap={dense ? 24 : 8} />
        <YAxis allowDecimals={false} tick={{ fill: 'var(--text-muted)', fontSize: 11 }} tickLine={false} axisLine={false} width={44} />
        <Tooltip
          cursor={{ fill: 'var(--surface-2)' }}
          contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, fontSize: 12 }}
          labelStyle={{ color: 'var(--text)', fontWeight: 600 }}
        />
        <Legend iconType="square" iconSize={10} wrapperStyle={{ fontSize: 12 }} />
        <Bar dataKey="calls" name="Calls" fill="var(--accent)" isAnimationActive={false} />
        <Bar dataKey="messages" name="Messages" fill="var(--interim)" isAnimationActive={false} />
        {points.some((p) => (p.minutes ?? 0) > 0) ? <Bar dataKey="minutes" name="Call minutes" fill="var(--live)" isAnimationActive={false} /> : null}
      </BarChart>
    </ResponsiveContainer>
  )
}
