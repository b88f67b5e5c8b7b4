import type { Delivery, DeliverySummary } from '../../../src-preload/contract'

/**
 * A delivery without its headers, body and NDJSON lines: what goes out with every
 * `webhook.delivery` event and in the inspector's list (the body is fetched when one is opened).
 */
export function toDeliverySummary(d: Delivery): DeliverySummary {
  const { headers: _headers, body: _body, lines: _lines, ...summary } = d
  return summary
}
