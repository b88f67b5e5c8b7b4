import type { Delivery, DeliverySummary } from './payloads'

/**
 * A delivery without its headers, body and NDJSON lines: what goes out with every
 * `webhook.delivery` event and in the inspector's list (the body is fetched when one is opened).
 * The one thing the list needs from the body — whose number the delivery is about, so a row can
 * name a person rather than an id — is read here, once, in the core.
 */
export function toDeliverySummary(d: Delivery): DeliverySummary {
  const { headers: _headers, body, lines: _lines, ...summary } = d
  return { ...summary, party: partyNumber(body) }
}

/** The phone number of the person a delivery is about: the caller (`from`), or on an outbound call the person called (`to`). */
export function partyNumber(body: string): string | null {
  try {
    const data = (JSON.parse(body) as { data?: Record<string, unknown> }).data ?? {}
    const outbound = data.direction === 'outbound'
    const n = outbound ? (data.to ?? data.toNumber) : (data.from ?? data.fromNumber)
    return typeof n === 'string' && n !== '' ? n : null
  } catch {
    return null
  }
}
