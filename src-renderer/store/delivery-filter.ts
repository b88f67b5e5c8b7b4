import type { CommandParams, Delivery, DeliverySummary } from '../../src-preload/contract'

export type DeliveryOutcome = Delivery['outcome']

/** The inspector's filters; each maps to a `webhooks.deliveries` param of the same name. */
export type DeliveryFilter = {
  event?: string
  channel?: string
  outcome?: DeliveryOutcome
  callId?: string
  text?: string
}

/** The filter as the core's params, blanks left out. */
export function filterParams(f: DeliveryFilter): Omit<CommandParams<'webhooks.deliveries'>, 'limit' | 'offset'> {
  return {
    ...(f.event ? { event: f.event } : {}),
    ...(f.channel ? { channel: f.channel } : {}),
    ...(f.outcome ? { outcome: f.outcome } : {}),
    ...(f.callId?.trim() ? { callId: f.callId.trim() } : {}),
    ...(f.text?.trim() ? { text: f.text.trim() } : {})
  }
}

/**
 * The core's filter, repeated here for rows pushed as events: a new delivery that the current
 * filter would not return must not appear in the filtered list. A text filter searches bodies,
 * which pushed rows do not carry: only the core can tell (`'ask'`).
 */
export function matchesFilter(d: DeliverySummary, f: DeliveryFilter): boolean | 'ask' {
  if (f.event && d.event !== f.event) return false
  if (f.channel && d.channel !== f.channel) return false
  if (f.outcome && d.outcome !== f.outcome) return false
  if (f.callId?.trim() && d.callId !== f.callId.trim()) return false
  return f.text?.trim() ? 'ask' : true
}

/** True when any filter is set, so the empty state can say "nothing matches" instead of "nothing yet". */
export function hasFilter(f: DeliveryFilter): boolean {
  return Object.values(f).some((v) => v !== undefined && v !== '')
}
