import { CircleCheck, Copy, RotateCcw, ShieldAlert, ShieldX } from 'lucide-react'
import type { DeliverySummary } from '../../../src-preload/contract'
import { outcomeText } from './delivery-words'

const ICON = { accepted: CircleCheck, refused: ShieldX, duplicate: Copy } as const

/** An outcome is never colour alone: icon and word, with the refusal's reason. */
export function OutcomeBadge({ delivery }: { delivery: DeliverySummary }) {
  const Icon = ICON[delivery.outcome]
  const text = outcomeText(delivery)
  return (
    <span className={`wh-outcome wh-outcome--${delivery.outcome}`} title={text}>
      <Icon size={13} aria-hidden="true" />
      <span className="wh-outcome-text">{text}</span>
    </span>
  )
}

export function ReplayedTag() {
  return (
    <span className="wh-replayed" title="Sent again from the inspector">
      <RotateCcw size={12} aria-hidden="true" />
      Replayed
    </span>
  )
}

/** A replay of a refused delivery, sent after the person confirmed: nothing proves AgentPhone sent it. */
export function UnverifiedTag() {
  return (
    <span className="wh-replayed wh-unverified" title="A replay of a refused delivery: its signature was never verified">
      <ShieldAlert size={12} aria-hidden="true" />
      Unverified
    </span>
  )
}
