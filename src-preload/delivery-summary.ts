import type { Delivery, DeliverySummary } from './payloads'

/**
 * A delivery without its headers, body and NDJSON lines: what goes out with every
 * `webhook.delivery` event and in the inspector's list (the body is fetched when one is opened).
 * Shared by the core and the renderer (a replay answers with a whole delivery).
 */
export function toDeliverySummary(d: Delivery): DeliverySummary {
  const { headers: _headers, body: _body, lines: _lines, ...summary } = d
  return summary
}
