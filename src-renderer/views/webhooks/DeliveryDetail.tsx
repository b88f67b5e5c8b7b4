import { Loader2, RotateCcw } from 'lucide-react'
import { useState } from 'react'
import type { Delivery } from '../../../src-preload/contract'
import { formatClock } from '../../lib/format'
import { statusWords } from '../../lib/words'
import { formatTtfb, prettyBody, subjectId } from './delivery-words'
import { OutcomeBadge, ReplayedTag, UnverifiedTag } from './OutcomeBadge'
import { ResendPanel } from './ResendPanel'
import { ConfirmDialog } from '../directory/ConfirmDialog'

function formatOffset(ms: number): string {
  return ms < 1000 ? `+${Math.round(ms)} ms` : `+${(ms / 1000).toFixed(2)} s`
}

type Props = { delivery: Delivery; replaying: boolean; onReplay: (id: string, allowUnverified?: boolean) => Promise<unknown> | void }

/** One delivery in full: what came in (headers, body — redacted by the core) and what went back. */
export function DeliveryDetail({ delivery: d, replaying, onReplay }: Props) {
  const headers = Object.entries(d.headers).sort(([a], [b]) => a.localeCompare(b))
  const [confirming, setConfirming] = useState(false)
  // A refused delivery was never verified: sending it again into the history is asked first.
  const unverified = d.outcome === 'refused' || d.unverified === true
  return (
    <section className="wh-detail" aria-label="Delivery details">
      <div className="wh-detail-head">
        <OutcomeBadge delivery={d} />
        {d.replayed ? <ReplayedTag /> : null}
        {d.unverified ? <UnverifiedTag /> : null}
        <span className="header-spacer" />
        <button type="button" className="button" disabled={replaying} onClick={() => (unverified ? setConfirming(true) : void onReplay(d.id))}>
          {replaying ? <Loader2 size={13} aria-hidden="true" className="wh-spin" /> : <RotateCcw size={13} aria-hidden="true" />}
          {replaying ? 'Replaying…' : 'Replay'}
        </button>
      </div>
      <ResendPanel key={d.id} delivery={d} />
      <dl className="wh-facts">
        <dt>Received</dt>
        <dd className="mono">{formatClock(d.receivedAt)}</dd>
        <dt>Event</dt>
        <dd className="mono">
          {d.event ?? '—'} · {d.channel ?? '—'}
        </dd>
        <dt>{d.callId ? 'Call' : 'Conversation'}</dt>
        <dd className="mono">{subjectId(d) || '—'}</dd>
        <dt>Webhook id</dt>
        <dd className="mono">{d.webhookId ?? '—'}</dd>
        <dt>Answer</dt>
        <dd className="mono">
          {d.status ? `Answered ${statusWords(d.status)}` : 'not answered yet'} · first reply after {formatTtfb(d.ttfbMs)}
        </dd>
      </dl>
      {confirming ? (
        <ConfirmDialog
          title="Replay an unverified delivery?"
          confirmLabel="Replay it anyway"
          busyLabel="Replaying…"
          onConfirm={async () => {
            await onReplay(d.id, true)
            return null
          }}
          onClose={() => setConfirming(false)}
        >
          This request was refused ({d.reason ?? 'no reason recorded'}), so nothing proves AgentPhone sent it. Replayed, it
          goes into the history marked <strong>unverified</strong>; a call that is over still does not change.
        </ConfirmDialog>
      ) : null}
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
    </section>
  )
}
