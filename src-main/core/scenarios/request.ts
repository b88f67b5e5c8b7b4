/**
 * The bytes and headers of one delivery, signed as AgentPhone signs (the simulator's own
 * `signedHeaders`), or deliberately broken the way a forger, a replay or a flaky proxy would.
 */
import type { FaultName } from '../../../src-preload/scenario-payloads'
import { sign } from '../receiver/signature'
import { newId } from '../sim/ids'
import type { Envelope } from '../sim/payloads'
import { signedHeaders } from '../sim/webhook-sender'

export interface OutgoingRequest {
  webhookId: string
  event: string
  channel: string
  headers: Record<string, string>
  body: Buffer
  /** What a duplicate resends: the body as first sent (untampered). */
  original: Buffer
}

/** Outside the five-minute window every receiver must enforce (agentphone-api.md §3.4). */
export const STALE_BY_SECONDS = 600
const SIGNATURE = 'X-Webhook-Signature'

/** The words of the delivery that a tampering proxy changes: the utterance, or the text message. */
function tamper(envelope: Envelope): Buffer {
  const data = { ...envelope.data }
  if (typeof data.transcript === 'string') data.transcript = `${data.transcript} (changed in transit)`
  else if (typeof data.message === 'string') data.message = `${data.message} (changed in transit)`
  else data.tampered = true
  return Buffer.from(JSON.stringify({ ...envelope, data }), 'utf8')
}

export interface RequestOptions {
  secret: string
  nowSeconds: number
  fault?: FaultName
  /** The step before, for `duplicateId`: AgentPhone's retry reuses its id and body. */
  previous?: OutgoingRequest
}

export function buildRequest(envelope: Envelope, o: RequestOptions): OutgoingRequest {
  const duplicate = o.fault === 'duplicateId' && o.previous
  const webhookId = duplicate ? o.previous!.webhookId : newId('whd_')
  const original = duplicate ? o.previous!.original : Buffer.from(JSON.stringify(envelope), 'utf8')
  let body = original
  // A malformed body is still signed: the server must cope with JSON it cannot parse after verifying.
  if (o.fault === 'malformedJson') body = original.subarray(0, Math.max(1, Math.floor(original.length / 2)))
  const timestampSeconds = o.fault === 'staleTimestamp' ? o.nowSeconds - STALE_BY_SECONDS : o.nowSeconds
  const headers = signedHeaders({ secret: o.secret, body, webhookId, event: envelope.event, timestampSeconds })
  headers['User-Agent'] = 'Switchboard-Scenarios/1.0'
  switch (o.fault) {
    case 'badSignature':
      // Well-formed, signed with a secret that is not the server's: only the HMAC check can catch it.
      headers[SIGNATURE] = sign(`${o.secret}-not-yours`, String(timestampSeconds), body)
      break
    case 'missingSignature':
      delete headers[SIGNATURE]
      break
    case 'tamperedBody':
      body = tamper(envelope)
      break
  }
  return { webhookId, event: envelope.event, channel: envelope.channel, headers, body, original }
}
