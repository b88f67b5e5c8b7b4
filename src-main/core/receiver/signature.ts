import { createHmac, timingSafeEqual } from 'node:crypto'

/** AgentPhone's webhook headers (agentphone-api.md §3.4). */
export const SIGNATURE_HEADER = 'x-webhook-signature'
export const TIMESTAMP_HEADER = 'x-webhook-timestamp'
export const WEBHOOK_ID_HEADER = 'x-webhook-id'
export const EVENT_HEADER = 'x-webhook-event'

/** The docs' window: a delivery more than five minutes from our clock, either way, is refused. */
export const DEFAULT_TOLERANCE_SECONDS = 300

/**
 * `sha256=` + lower-case hex HMAC-SHA256 of `{timestamp}.{raw body}`, keyed with the whole secret
 * string (the `whsec_` prefix included, no base64), exactly as the vendor's own adapter computes it.
 */
export function sign(secret: string, timestamp: string, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'utf8'))
  mac.update(`${timestamp}.`)
  mac.update(rawBody)
  return `sha256=${mac.digest('hex')}`
}

export type SignatureCheck =
  | { ok: true; secretIndex: number }
  | {
      ok: false
      reason:
        | 'missing_signature'
        | 'missing_timestamp'
        | 'malformed_signature'
        | 'malformed_timestamp'
        | 'stale_timestamp'
        | 'future_timestamp'
        | 'bad_signature'
    }

/**
 * Checks a delivery against every secret still accepted (the current one first, then any previous
 * one inside its rotation grace period). Works on the raw bytes: never on re-serialised JSON.
 */
export function verify(
  secrets: readonly string[],
  headers: { signature?: string; timestamp?: string },
  rawBody: Buffer,
  nowMs: number,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS
): SignatureCheck {
  const { signature, timestamp } = headers
  if (!signature) return { ok: false, reason: 'missing_signature' }
  if (!timestamp) return { ok: false, reason: 'missing_timestamp' }
  if (!/^sha256=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed_signature' }
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed_timestamp' }
  // Both directions are refused (the docs' absolute difference); the reason tells a skewed clock from a replay.
  const skew = Number(timestamp) - nowMs / 1000
  if (skew < -toleranceSeconds) return { ok: false, reason: 'stale_timestamp' }
  if (skew > toleranceSeconds) return { ok: false, reason: 'future_timestamp' }
  const given = Buffer.from(signature, 'utf8')
  for (let i = 0; i < secrets.length; i++) {
    const expected = Buffer.from(sign(secrets[i]!, timestamp, rawBody), 'utf8')
    if (expected.length === given.length && timingSafeEqual(expected, given)) return { ok: true, secretIndex: i }
  }
  return { ok: false, reason: 'bad_signature' }
}
