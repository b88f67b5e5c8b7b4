import { memo } from 'react'
import type { DeliverySummary } from '../../../src-preload/contract'
import { formatClock, formatPhone } from '../../lib/format'
import { answerWords } from '../../lib/words'
import { deliveryLabel, eventWords, formatTtfb, subjectId } from './delivery-words'
import { OutcomeBadge, ReplayedTag, UnverifiedTag } from './OutcomeBadge'

export const deliveryDomId = (id: string): string => `delivery-row-${id}`

type Props = { delivery: DeliverySummary; selected: boolean; onSelect: (id: string) => void }

/** One request in the inspector; memoised because a busy receiver re-renders the list often. */
export const DeliveryRow = memo(function DeliveryRow({ delivery: d, selected, onSelect }: Props) {
  const time = formatClock(d.receivedAt)
  // Who it is about, as a number people read; the AgentPhone id stays in the tooltip and the detail.
  const who = d.party
  return (
    <div
      id={deliveryDomId(d.id)}
      role="option"
      aria-selected={selected}
      aria-label={deliveryLabel(d, time)}
      className={`wh-row${selected ? ' wh-row--selected' : ''}`}
      onClick={() => onSelect(d.id)}
    >
      <span className="mono">{time}</span>
      <span className="wh-cut" title={d.event ?? undefined}>
        {eventWords(d)}
      </span>
      <span>{d.channel ?? '—'}</span>
      <span className="mono wh-cut" title={subjectId(d) || undefined}>
        {who ? formatPhone(who) : subjectId(d) || '—'}
      </span>
      <span className="wh-cut">
        <OutcomeBadge delivery={d} />
        {d.replayed ? <ReplayedTag /> : null}
        {d.unverified ? <UnverifiedTag /> : null}
      </span>
      <span className="mono" title={d.status ? answerWords(d.status) : 'not answered yet'}>
        {d.status || '…'}
      </span>
      <span className="mono">{formatTtfb(d.ttfbMs)}</span>
    </div>
  )
})
