/**
 * One signed POST of bytes serialised once (agentphone-api.md §3.4): the same bytes are signed and
 * sent, with the four X-Webhook-* headers. Resolves as soon as response headers arrive so voice
 * turns can read NDJSON while it streams.
 */
import http from 'node:http'
import https from 'node:https'
import type { IncomingMessage } from 'node:http'
import { EVENT_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, WEBHOOK_ID_HEADER, sign } from '../receiver/signature'

export interface SignedPost {
  url: string
  secret: string
  body: Buffer
  webhookId: string
  event: string
  /** Unix seconds, as the timestamp header carries them. */
  timestampSeconds: number
  signal: AbortSignal
}

/** Header names as the vendor spells them (the receiver's constants are the lower-case forms). */
const SPELLING: Record<string, string> = {
  [SIGNATURE_HEADER]: 'X-Webhook-Signature',
  [TIMESTAMP_HEADER]: 'X-Webhook-Timestamp',
  [WEBHOOK_ID_HEADER]: 'X-Webhook-ID',
  [EVENT_HEADER]: 'X-Webhook-Event'
}
const headerName = (lower: string): string => SPELLING[lower] ?? lower

export function signedHeaders(p: Pick<SignedPost, 'secret' | 'body' | 'webhookId' | 'event' | 'timestampSeconds'>): Record<string, string> {
  const ts = String(p.timestampSeconds)
  return {
    'Content-Type': 'application/json',
    'User-Agent': 'AgentPhone-Simulator/1.0',
    [headerName(SIGNATURE_HEADER)]: sign(p.secret, ts, p.body),
    [headerName(TIMESTAMP_HEADER)]: ts,
    [headerName(WEBHOOK_ID_HEADER)]: p.webhookId,
    [headerName(EVENT_HEADER)]: p.event
  }
}

export function postSigned(p: SignedPost): Promise<IncomingMessage> {
  return postWebhook(p.url, signedHeaders(p), p.body, p.signal)
}

/**
 * The POST itself, headers as given: `postSigned` for real deliveries, and the scenario runner's
 * deliberately broken ones (a bad signature, a tampered body) use the same plumbing.
 */
export function postWebhook(target: string, signed: Record<string, string>, body: Buffer, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (err: unknown): void => {
      if (!settled) {
        settled = true
        reject(err instanceof Error ? err : new Error(String(err)))
      }
    }
    let url: URL
    try {
      url = new URL(target)
    } catch {
      fail(new Error(`invalid webhook URL: ${target}`))
      return
    }
    const transport = url.protocol === 'https:' ? https : http
    const headers = { ...signed, 'Content-Length': String(body.length) }
    const req = transport.request(url, { method: 'POST', headers, signal, agent: false }, (res) => {
      // An abort after the answer started destroys the response; without a listener that would throw.
      res.on('error', () => {})
      settled = true
      resolve(res)
    })
    // Stays attached for the request's whole life: an abort after the response must not crash us.
    req.on('error', fail)
    req.end(body)
  })
}

/** Reads at most `max` bytes of a response as text (for the delivery record), then drops the rest. */
export async function readSome(res: IncomingMessage, max = 2048): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of res) {
    const buf = chunk as Buffer
    if (size < max) chunks.push(buf)
    size += buf.length
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, max)
}
