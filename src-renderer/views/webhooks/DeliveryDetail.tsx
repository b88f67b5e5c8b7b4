import { Loader2, RotateCcw } from 'lucide-react'
import { useState } from 'react'
import type { DeliverySummary } from '../../../src-preload/contract'
import { formatClock } from '../../lib/format'
import type { OpenedDelivery } from '../../store/webhooks-types'
import { DeliveryContent } from './DeliveryContent'
import { formatTtfb, subjectId } from './delivery-words'
import { answerWords } from '../../lib/words'
import { OutcomeBadge, ReplayedTag, UnverifiedTag } from './OutcomeBadge'
import { ResendPanel } from './ResendPanel'
import { ConfirmDialog } from '../directory/ConfirmDialog'

type Props = {
  delivery: DeliverySummary
  /** The delivery in full once fetched (see the store's openedDelivery). */
  opened: OpenedDelivery | null
  onRetry: () => void
  replaying: boolean
  onReplay: (id: string, allowUnverified?: boolean) => Promise<unknown> | void
}

/**
 * One delivery: its facts at once (from the list's summary), then what came in (headers, body —
 * redacted by the core) and what went back, fetched when it is opened.
 */
export function DeliveryDetail({ delivery: d, opened, onRetry, replaying, onReplay }: Props) {
  const full = opened?.id === d.id ? opened.delivery : null
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
      <ResendPanel key={d.id} delivery={full} />
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
          {d.status ? `Answered ${answerWords(d.status)}` : 'not answered yet'} · first reply after {formatTtfb(d.ttfbMs)}
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
      <DeliveryContent summary={d} opened={opened} onRetry={onRetry} />
    </section>
  )
}
