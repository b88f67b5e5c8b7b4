import { Loader2, RotateCw } from 'lucide-react'
import type { Delivery, DeliverySummary } from '../../../src-preload/contract'
import type { OpenedDelivery } from '../../store/webhooks-types'
import { prettyBody } from './delivery-words'

function formatOffset(ms: number): string {
  return ms < 1000 ? `+${Math.round(ms)} ms` : `+${(ms / 1000).toFixed(2)} s`
}

type Props = { summary: DeliverySummary; opened: OpenedDelivery | null; onRetry: () => void }

/**
 * What the list does not carry: the NDJSON lines sent back, the headers and the body, fetched
 * from the core when the delivery is opened. Says so while it loads, and why when it cannot.
 */
export function DeliveryContent({ summary, opened, onRetry }: Props) {
  const full = opened?.id === summary.id ? opened.delivery : null
  const error = opened?.id === summary.id ? opened.error : null
  if (!full) {
    return error ? (
      <div className="wh-detail-missing" role="alert">
        <p className="small">The headers and body could not be fetched: {error}</p>
        <button type="button" className="button" onClick={onRetry}>
          <RotateCw size={13} aria-hidden="true" /> Try again
        </button>
      </div>
    ) : (
      <p className="muted small" role="status">
        <Loader2 size={13} aria-hidden="true" className="wh-spin" /> Loading the headers and body…
      </p>
    )
  }
  return <FullContent d={full} />
}

function FullContent({ d }: { d: Delivery }) {
  const headers = Object.entries(d.headers).sort(([a], [b]) => a.localeCompare(b))
  return (
    <>
      {d.lines.length > 0 ? (
        <>
          <h3 className="wh-subhead">Sent back, line by line</h3>
          <ol className="wh-lines" aria-label="Lines sent back">
            {d.lines.map((l, i) => (
              <li key={i}>
                <span className="mono muted wh-line-time">{formatOffset(l.atMs)}</span>
                <code className="mono">{l.line}</code>
              </li>
            ))}
          </ol>
        </>
      ) : d.channel === 'voice' && d.outcome === 'accepted' ? (
        <p className="muted small">Nothing was sent back for this turn.</p>
      ) : null}
      <h3 className="wh-subhead">Headers</h3>
      {headers.length ? (
        <table className="wh-headers">
          <tbody>
            {headers.map(([k, v]) => (
              <tr key={k}>
                <th scope="row" className="mono">
                  {k}
                </th>
                <td className="mono">{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted small">No headers were kept (the request could not be parsed).</p>
      )}
      <h3 className="wh-subhead">Body</h3>
      <pre className="wh-body mono" aria-label="Body" tabIndex={0}>
        {d.body ? prettyBody(d.body) : '(empty)'}
      </pre>
    </>
  )
}
