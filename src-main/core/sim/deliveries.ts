/**
 * Webhook delivery: records, signed attempts, and the retry schedule (agentphone-api.md §3.5).
 * Only 5xx, timeouts and network errors are retried (4xx is permanent), 6 attempts at most, and
 * every attempt carries the same X-Webhook-ID so receivers can drop duplicates.
 */
import type { IncomingMessage } from 'node:http'
import type { Clock, Logger, Timer } from '../ports'
import type { Account } from './account'
import { isoNow, newId } from './ids'
import type { DeliveryRec, WebhookRec } from './types'
import { postSigned, readSome } from './webhook-sender'

export const MAX_ATTEMPTS = 6
/** Our assumption (the vendor's table is unknown): roughly doubling, spanning most of a day. */
export const DEFAULT_RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 28_800_000]

export interface Route {
  scope: string | null
  webhook: WebhookRec
}

export interface DeliveryMeta {
  eventType: string
  channel: string | null
  messageId?: string | null
  callId?: string | null
}

export interface DelivererOptions {
  clock: Clock
  logger: Logger
  retryDelaysMs: number[]
  /** Overrides each webhook's own timeout when set. */
  timeoutMs?: number
  /** A delivery record changed (the state file is written soon). */
  changed?: () => void
}

export class Deliverer {
  private readonly timers = new Set<Timer>()
  private readonly inflight = new Set<AbortController>()
  private stopped = false

  constructor(private readonly o: DelivererOptions) {}

  timeoutFor(webhook: WebhookRec): number {
    return this.o.timeoutMs ?? webhook.timeout * 1000
  }

  private record(account: Account, route: Route, meta: DeliveryMeta): DeliveryRec {
    const rec: DeliveryRec = {
      id: newId('whd_'),
      scope: route.scope,
      messageId: meta.messageId ?? null,
      callId: meta.callId ?? null,
      eventType: meta.eventType,
      channel: meta.channel,
      status: 'pending',
      httpStatus: null,
      errorMessage: null,
      responseBody: null,
      attemptCount: 0,
      lastAttemptAt: null,
      nextRetryAt: null,
      createdAt: isoNow(this.o.clock),
      responseMs: null
    }
    account.deliveries.push(rec)
    return rec
  }

  /** One attempt: the bytes are signed with the secret current at that moment. */
  private async attemptOnce(webhook: WebhookRec, rec: DeliveryRec, body: Buffer, signal: AbortSignal): Promise<IncomingMessage> {
    rec.attemptCount += 1
    rec.lastAttemptAt = isoNow(this.o.clock)
    rec.nextRetryAt = null
    return postSigned({
      url: webhook.url,
      secret: webhook.secret,
      body,
      webhookId: rec.id,
      event: rec.eventType,
      timestampSeconds: Math.floor(this.o.clock.now() / 1000),
      signal
    })
  }

  /** Fire-and-forget delivery with retries (SMS, call_ended). Returns the record at once. */
  enqueue(account: Account, route: Route, envelope: unknown, meta: DeliveryMeta): DeliveryRec {
    const rec = this.record(account, route, meta)
    const body = Buffer.from(JSON.stringify(envelope), 'utf8')
    void this.run(account, rec, body, route.webhook)
    return rec
  }

  /** A single attempt whose outcome is answered to the caller (the webhook test endpoints). */
  async once(account: Account, route: Route, envelope: unknown, meta: DeliveryMeta): Promise<DeliveryRec> {
    const rec = this.record(account, route, meta)
    await this.run(account, rec, Buffer.from(JSON.stringify(envelope), 'utf8'), route.webhook, false)
    return rec
  }

  private async run(account: Account, rec: DeliveryRec, body: Buffer, captured: WebhookRec, retry = true): Promise<void> {
    try {
      await this.attempt(account, rec, body, captured, retry)
    } finally {
      this.o.changed?.()
    }
  }

  private async attempt(account: Account, rec: DeliveryRec, body: Buffer, captured: WebhookRec, retry: boolean): Promise<void> {
    // A retry goes to the scope's current webhook (new secret after an upsert); gone means failed.
    const webhook = rec.attemptCount === 0 ? captured : account.webhookInScope(rec.scope)
    if (!webhook || this.stopped) {
      rec.status = 'failed'
      rec.errorMessage = webhook ? 'simulator stopped' : 'webhook removed'
      return
    }
    const controller = new AbortController()
    this.inflight.add(controller)
    const timer = this.o.clock.after(this.timeoutFor(webhook), () => controller.abort())
    let transient = true
    const began = this.o.clock.now()
    try {
      const res = await this.attemptOnce(webhook, rec, body, controller.signal)
      rec.httpStatus = res.statusCode ?? 0
      rec.responseMs = this.o.clock.now() - began
      rec.responseBody = await readSome(res)
      const status = rec.httpStatus
      if (status >= 200 && status < 300) {
        rec.status = 'delivered'
        rec.errorMessage = null
        return
      }
      rec.errorMessage = `HTTP ${status}`
      transient = status >= 500
    } catch (err) {
      rec.httpStatus = null
      rec.errorMessage = controller.signal.aborted ? `timed out after ${this.timeoutFor(webhook)} ms` : (err as Error).message
    } finally {
      timer.cancel()
      this.inflight.delete(controller)
    }
    if (!retry || !transient || rec.attemptCount >= MAX_ATTEMPTS || this.stopped) {
      rec.status = 'failed'
      return
    }
    const delays = this.o.retryDelaysMs
    const delay = delays[rec.attemptCount - 1] ?? delays[delays.length - 1] ?? 0
    rec.status = 'pending'
    rec.nextRetryAt = new Date(this.o.clock.now() + delay).toISOString()
    this.o.logger.info('webhook delivery will retry', { id: rec.id, attempt: rec.attemptCount, delay })
    const next = this.o.clock.after(delay, () => {
      this.timers.delete(next)
      void this.run(account, rec, body, captured)
    })
    this.timers.add(next)
  }

  /**
   * A voice turn: one attempt, never retried (the turn is gone by then), answered with the live
   * response so the caller's side can read NDJSON lines as they arrive. `signal` ends it early.
   */
  async openVoice(account: Account, route: Route, envelope: unknown, meta: DeliveryMeta, signal: AbortSignal): Promise<{ rec: DeliveryRec; res: IncomingMessage }> {
    const rec = this.record(account, route, meta)
    const controller = new AbortController()
    const abort = (): void => controller.abort()
    signal.addEventListener('abort', abort, { once: true })
    this.inflight.add(controller)
    const began = this.o.clock.now()
    try {
      const res = await this.attemptOnce(route.webhook, rec, Buffer.from(JSON.stringify(envelope), 'utf8'), controller.signal)
      rec.httpStatus = res.statusCode ?? 0
      rec.responseMs = this.o.clock.now() - began
      const ok = rec.httpStatus >= 200 && rec.httpStatus < 300
      rec.status = ok ? 'delivered' : 'failed'
      if (!ok) rec.errorMessage = `HTTP ${rec.httpStatus}`
      res.once('close', () => {
        this.inflight.delete(controller)
        signal.removeEventListener('abort', abort)
      })
      return { rec, res }
    } catch (err) {
      this.inflight.delete(controller)
      signal.removeEventListener('abort', abort)
      rec.status = 'failed'
      rec.errorMessage = controller.signal.aborted ? 'no response within the webhook timeout' : (err as Error).message
      throw err
    }
  }

  /** Cancels every pending retry and aborts every request in flight. */
  stop(): void {
    this.stopped = true
    for (const t of this.timers) t.cancel()
    this.timers.clear()
    for (const c of this.inflight) c.abort()
    this.inflight.clear()
  }
}
