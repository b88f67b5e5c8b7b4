import type { IncomingHttpHeaders } from 'node:http'
import type { Delivery } from '../../../src-preload/contract'
import type { WebhookFacts } from './parse-webhook'

export const REDACTED_SIGNATURE = 'sha256=…redacted'
/** Appended to a stored body cut at the limit; such a delivery cannot be replayed. */
export const TRUNCATED_MARKER = '\n…[truncated]'
export const DEFAULT_STORED_BODY_BYTES = 64 * 1024
/**
 * A refused request keeps at most this much body: enough to see what was sent, while a flood of
 * junk (which anyone who finds the tunnel can send) cannot fill the inspector's memory.
 */
export const REFUSED_BODY_BYTES = 4096

/** Headers never shown or stored as sent: the signature would let anyone replay the delivery. */
const REDACT = new Set(['x-webhook-signature', 'authorization', 'cookie'])

export function recordHeaders(headers: IncomingHttpHeaders, hidden: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || hidden.has(name)) continue
    if (REDACT.has(name)) out[name] = name === 'x-webhook-signature' ? REDACTED_SIGNATURE : '…redacted'
    else out[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

export function storedBody(raw: Buffer, maxBytes: number): string {
  if (raw.length <= maxBytes) return raw.toString('utf8')
  return raw.subarray(0, maxBytes).toString('utf8') + TRUNCATED_MARKER
}

export interface DeliveryStart {
  id: string
  receivedAtMs: number
  method: string
  path: string
  headers: Record<string, string>
  webhookId: string | null
  replayed: boolean
  unverified?: boolean
}

/**
 * One request's Delivery, filled in as the request goes through the pipeline. Each `publish` hands
 * out a fresh copy (same id) so listeners may keep it without seeing later changes.
 */
export class DeliveryRecorder {
  private readonly delivery: Delivery
  private readonly receivedAtMs: number
  private answered = false
  /** The body as received, until the outcome decides how much of it is kept. */
  private raw: { bytes: Buffer; maxBytes: number } | null = null

  constructor(
    start: DeliveryStart,
    private readonly onPublish: (delivery: Delivery) => void
  ) {
    this.receivedAtMs = start.receivedAtMs
    this.delivery = {
      id: start.id,
      receivedAt: new Date(start.receivedAtMs).toISOString(),
      method: start.method,
      path: start.path,
      webhookId: start.webhookId,
      event: null,
      channel: null,
      callId: null,
      conversationId: null,
      outcome: 'refused',
      reason: null,
      status: 0,
      ttfbMs: null,
      replayed: start.replayed,
      ...(start.unverified ? { unverified: true } : {}),
      party: null,
      headers: start.headers,
      body: '',
      lines: []
    }
  }

  setBody(raw: Buffer, maxBytes: number): void {
    this.raw = { bytes: raw, maxBytes }
  }

  setFacts(facts: WebhookFacts): void {
    this.delivery.event = facts.event
    this.delivery.channel = facts.channel
    this.delivery.callId = facts.callId
    this.delivery.conversationId = facts.conversationId
    this.delivery.party = facts.party
  }

  /** Records how the request was answered and publishes it; `nowMs` is when the status went out. */
  answer(outcome: Delivery['outcome'], status: number, reason: string | null, nowMs: number): void {
    this.answered = true
    Object.assign(this.delivery, { outcome, status, reason, ttfbMs: nowMs - this.receivedAtMs })
    if (this.raw) {
      const limit = outcome === 'refused' ? Math.min(REFUSED_BODY_BYTES, this.raw.maxBytes) : this.raw.maxBytes
      this.delivery.body = storedBody(this.raw.bytes, limit)
      this.raw = null
    }
    this.publish()
  }

  /** A voice turn wrote an NDJSON line at clock time `atMs`. */
  addLine(line: string, atMs: number): void {
    this.delivery.lines.push({ atMs: atMs - this.receivedAtMs, line })
    if (this.answered) this.publish()
  }

  publish(): void {
    this.onPublish(this.snapshot())
  }

  snapshot(): Delivery {
    return { ...this.delivery, headers: { ...this.delivery.headers }, lines: [...this.delivery.lines] }
  }
}
