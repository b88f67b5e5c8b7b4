import type { Delivery } from '../../src-preload/contract'

export type DeliveryOutcome = Delivery['outcome']

/** The inspector's filters; each maps to a `webhooks.deliveries` param of the same name. */
export type DeliveryFilter = {
  event?: string
  channel?: string
  outcome?: DeliveryOutcome
  callId?: string
  text?: string
}

/**
 * The core's filter, repeated here for rows pushed as events: a new delivery that the current
 * filter would not return must not appear in the filtered list.
 */
export function matchesFilter(d: Delivery, f: DeliveryFilter): boolean {
  if (f.event && d.event !== f.event) return false
  if (f.channel && d.channel !== f.channel) return false
  if (f.outcome && d.outcome !== f.outcome) return false
  if (f.callId?.trim() && d.callId !== f.callId.trim()) return false
  const text = f.text?.trim().toLowerCase()
  if (text && !`${d.body} ${d.reason ?? ''} ${d.webhookId ?? ''}`.toLowerCase().includes(text)) return false
  return true
}

/** True when any filter is set, so the empty state can say "nothing matches" instead of "nothing yet". */
export function hasFilter(f: DeliveryFilter): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== '')
}
