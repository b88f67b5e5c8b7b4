import { LoaderCircle } from 'lucide-react'
import { lazy, Suspense, useId } from 'react'
import type { ChartPoint } from './usage-data'
import { describeSeries } from './usage-data'

// The recharts chunk is fetched the first time a chart is shown, not when the app starts.
const UsageBarChart = lazy(() => import('./UsageBarChart'))

type Props = { title: string; span: string; points: readonly ChartPoint[] | null; periodWord: string }

/**
 * A chart for eyes and the same numbers for screen readers: the drawing is hidden from assistive
 * technology, a summary sentence labels the figure, and a visually hidden table holds every value.
 */
export function ChartFigure({ title, span, points, periodWord }: Props) {
  const id = useId()
  const summary = points ? describeSeries(points, span) : 'Loading…'
  // Minutes are a column only where AgentPhone reports them.
  const minutes = points?.some((p) => p.minutes !== undefined) ?? false
  return (
    <figure className="usage-figure" aria-labelledby={`${id}-t`} aria-describedby={`${id}-s`}>
      <figcaption>
        <h2 id={`${id}-t`}>{title}</h2>
        <p id={`${id}-s`} className="muted small">
          {summary}
        </p>
      </figcaption>
      <div className="usage-chart" aria-hidden="true" data-testid="usage-chart">
        {points ? (
          <Suspense fallback={<ChartLoading />}>
            <UsageBarChart points={points} />
          </Suspense>
        ) : (
          <ChartLoading />
        )}
      </div>
      {points ? (
        <table className="sr-only">
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{periodWord}</th>
              <th scope="col">Calls</th>
              <th scope="col">Messages</th>
              {minutes ? <th scope="col">Call minutes</th> : null}
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                <td>{p.calls}</td>
                <td>{p.messages}</td>
                {minutes ? <td>{p.minutes ?? 0}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </figure>
  )
}

function ChartLoading() {
  return (
    <div className="usage-chart-loading">
      <LoaderCircle size={16} className="dir-spin" aria-hidden="true" /> Loading chart…
    </div>
  )
}
