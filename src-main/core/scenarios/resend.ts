/**
 * The Inspector's "edit and resend": a delivery's body (as the person edited it) signed now with
 * the current webhook secret and posted again, to the receiver or any URL, then read as AgentPhone
 * reads the answer. A new X-Webhook-ID, so the receiver does not drop it as a duplicate.
 */
import type { ResendResult } from '../../../src-preload/scenario-payloads'
import type { Clock } from '../ports'
import { newId } from '../sim/ids'
import { postWebhook, signedHeaders } from '../sim/webhook-sender'
import { readPlainReply, readVoiceReply } from './read-reply'

export interface ResendRequest {
  url: string
  secret: string
  body: string
  /** The stored delivery's event header, used when the edited body does not say. */
  event: string | null
  waitMs: number
  clock: Clock
}

function facts(body: string, fallbackEvent: string | null): { event: string; voice: boolean } {
  try {
    const parsed = JSON.parse(body) as { event?: unknown; channel?: unknown }
    const event = typeof parsed.event === 'string' ? parsed.event : (fallbackEvent ?? 'agent.message')
    return { event, voice: event === 'agent.message' && parsed.channel === 'voice' }
  } catch {
    return { event: fallbackEvent ?? 'agent.message', voice: false }
  }
}

export async function resendDelivery(r: ResendRequest): Promise<ResendResult> {
  const body = Buffer.from(r.body, 'utf8')
  const { event, voice } = facts(r.body, r.event)
  const webhookId = newId('whd_')
  const headers = signedHeaders({ secret: r.secret, body, webhookId, event, timestampSeconds: Math.floor(r.clock.now() / 1000) })
  const startedAt = r.clock.now()
  const controller = new AbortController()
  const timer = r.clock.after(r.waitMs, () => controller.abort())
  try {
    const res = await postWebhook(r.url, headers, body, controller.signal)
    const status = res.statusCode ?? 0
    const read = await (voice && status >= 200 && status < 300 ? readVoiceReply : readPlainReply)(res, r.clock, startedAt)
    const error = read.endedBy === 'aborted' ? `no complete answer within ${r.waitMs} ms` : null
    return { url: r.url, webhookId, status, latencyMs: read.closedAtMs, error, body: read.body, lines: read.lines }
  } catch (err) {
    const error = controller.signal.aborted ? `no answer within ${r.waitMs} ms` : (err as Error).message
    return { url: r.url, webhookId, status: null, latencyMs: null, error, body: '', lines: [] }
  } finally {
    timer.cancel()
  }
}
