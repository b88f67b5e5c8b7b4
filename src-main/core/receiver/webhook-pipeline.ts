import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Delivery } from '../../../src-preload/contract'
import type { Logger } from '../ports'
import { DeliveryRecorder, recordHeaders } from './delivery-log'
import { isJsonContentType } from './http-guards'
import { isVoiceTurn, parseWebhookBody } from './parse-webhook'
import { readBody } from './read-body'
import type { ReceiverOptions, WebhookJournalData } from './receiver-types'
import { DuplicateGuard, signedBodyDigest } from './duplicate-guard'
import type { KnownDigest } from './known-ids'
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, WEBHOOK_ID_HEADER, verify } from './signature'

/** Defaults filled in, so the hot path reads plain fields. */
export type PipelineSettings = Required<Omit<ReceiverOptions, 'host' | 'port' | 'isFallbackOnly' | 'isCallLive' | 'logger' | 'knownIds' | 'knownDigests'>> &
  Pick<ReceiverOptions, 'isFallbackOnly' | 'isCallLive'> & { logger: Logger }

/** How a request came in: from AgentPhone (checked) or our own replay (trusted, not deduped). */
export interface RequestOrigin {
  replayed: boolean
  /** A replay the person confirmed of a delivery that was refused: journaled and shown as unverified. */
  unverified?: boolean
  /** Called once with the Delivery as soon as the status is decided. */
  onAnswered?: (delivery: Delivery) => void
  /** Headers to keep out of the Delivery record. */
  hiddenHeaders: ReadonlySet<string>
}

const LEGACY_ID_HEADER = 'x-agentphone-webhook-id'

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function sendJson(res: ServerResponse, status: number, body: object, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)), ...extra })
  res.end(text)
}

/**
 * The journal line's data, with the body spliced in as received (it just parsed as a JSON object).
 * Outside strings JSON allows raw CR/LF only as whitespace, so turning them into spaces keeps the
 * same value on one line. Keys in the order of WebhookJournalData, like JSON.stringify would give.
 */
export function journalJson(data: WebhookJournalData, bodyText: string): string {
  const payload = bodyText.includes('\n') || bodyText.includes('\r') ? bodyText.replace(/[\r\n]/g, ' ') : bodyText
  const str = JSON.stringify
  return `{"webhookId":${str(data.webhookId)},"event":${str(data.event)},"channel":${str(data.channel)},"payload":${payload},"receivedAt":${str(data.receivedAt)},"replayed":${data.replayed},"digest":${str(data.digest)},"unverified":${data.unverified}}`
}

/**
 * One request, start to finish: route, read the raw body, verify, parse, drop duplicates, journal
 * (durably), tell the session, then answer — or hand the response to the turn broker for a voice turn.
 */
export class WebhookPipeline {
  private readonly guard: DuplicateGuard

  constructor(private readonly s: PipelineSettings) {
    this.guard = new DuplicateGuard(s.dedupeWindow)
  }

  /** Remembers ids already journaled (oldest first), so a retry arriving after a restart is dropped. */
  seedIds(ids: Iterable<string>): void {
    for (const id of ids) this.guard.remember(id, null, 0)
  }

  /** Remembers signed bodies already journaled, so a replay of one after a restart is recognised. */
  seedDigests(digests: Iterable<KnownDigest>): void {
    for (const { digest, untilMs } of digests) this.guard.remember(null, digest, untilMs)
  }

  /** Every Delivery goes out through here: a throwing listener must not break the request. */
  private readonly publish = (delivery: Delivery): void => {
    try {
      this.s.onDelivery(delivery)
    } catch (error) {
      this.s.logger.error('receiver: onDelivery failed', { error: String(error) })
    }
  }

  /** Records a request Node's HTTP parser refused before it became a request (no pipeline run). */
  recordUnparsed(start: { method: string; path: string; raw: Buffer | undefined }, status: number, reason: string): void {
    const receivedAtMs = this.s.clock.now()
    const rec = new DeliveryRecorder(
      { id: `dlv_${randomUUID()}`, receivedAtMs, method: start.method, path: start.path, headers: {}, webhookId: null, replayed: false },
      this.publish
    )
    if (start.raw) rec.setBody(start.raw, this.s.maxStoredBodyBytes)
    rec.answer('refused', status, reason, receivedAtMs)
  }

  async handle(req: IncomingMessage, res: ServerResponse, origin: RequestOrigin): Promise<void> {
    const s = this.s
    const receivedAtMs = s.clock.now()
    const webhookId = header(req, WEBHOOK_ID_HEADER) ?? header(req, LEGACY_ID_HEADER) ?? null
    const deliveryId = `dlv_${randomUUID()}`
    const rec = new DeliveryRecorder(
      {
        id: deliveryId,
        receivedAtMs,
        method: req.method ?? '',
        path: req.url ?? '',
        headers: recordHeaders(req.headers, origin.hiddenHeaders),
        webhookId,
        replayed: origin.replayed,
        unverified: origin.unverified === true
      },
      this.publish
    )
    const answered = (outcome: Delivery['outcome'], status: number, reason: string | null): void => {
      rec.answer(outcome, status, reason, s.clock.now())
      origin.onAnswered?.(rec.snapshot())
    }
    const refuse = (status: number, reason: string, extra: Record<string, string> = {}, error = reason): void => {
      sendJson(res, status, status === 401 ? { error: 'unauthorized', reason } : { error }, extra)
      answered('refused', status, reason)
    }
    // Answered before the body is read: Node discards a small unread body and keeps the connection;
    // one that is large, unannounced (chunked) or still dripping closes it instead.
    const declared = Number(req.headers['content-length'] ?? 0)
    const closing: Record<string, string> = { Connection: 'close' }
    const early = declared <= s.maxBodyBytes && req.headers['transfer-encoding'] === undefined ? {} : closing

    const url = req.url ?? ''
    const query = url.indexOf('?')
    if ((query < 0 ? url : url.slice(0, query)) !== s.path) return refuse(404, 'not_found', early)
    if (req.method !== 'POST') return refuse(405, 'method_not_allowed', { ...early, Allow: 'POST' })
    if (!isJsonContentType(header(req, 'content-type'))) return refuse(415, 'unsupported_content_type', early)

    const body = await readBody(req, {
      maxBytes: s.maxBodyBytes,
      idleTimeoutMs: s.bodyIdleTimeoutMs,
      totalTimeoutMs: s.requestTimeoutMs,
      clock: s.clock
    })
    if (!body.ok) {
      if (body.reason === 'body_too_large') return refuse(413, 'body_too_large', closing)
      if (body.reason === 'body_timeout') return refuse(408, 'body_timeout', closing)
      if (body.reason === 'malformed_body') return refuse(400, 'malformed_http', closing)
      return answered('refused', 0, 'aborted') // the client left: nobody to answer
    }
    rec.setBody(body.body, s.maxStoredBodyBytes)

    let digest: string | null = null
    if (!origin.replayed) {
      const secrets = s.secrets()
      if (secrets.length === 0) return refuse(401, 'no_secret_configured')
      const signature = header(req, SIGNATURE_HEADER)
      const check = verify(secrets, { signature, timestamp: header(req, TIMESTAMP_HEADER) }, body.body, receivedAtMs, s.toleranceSeconds)
      if (!check.ok) return refuse(401, check.reason)
      digest = signedBodyDigest(signature!)
    }

    const parsed = parseWebhookBody(body.body, s.maxJsonDepth)
    if (!parsed.ok) return refuse(400, parsed.reason)
    rec.setFacts(parsed.facts)
    const voice = isVoiceTurn(parsed.facts)
    const callId = parsed.facts.callId
    if (voice && callId === null) return refuse(400, 'missing_call_id')

    if (!origin.replayed) {
      const seen = this.guard.seen(webhookId, digest, receivedAtMs)
      if (seen) {
        if (voice) {
          // Never `{"duplicate":true}` on a voice turn: the caller would hear silence.
          answered('duplicate', 200, seen)
          s.broker.answerRetry(this.guard.turnFor(webhookId, digest), res, (line, atMs) => rec.addLine(line, atMs))
          return
        }
        sendJson(res, 200, { duplicate: true })
        return answered('duplicate', 200, seen)
      }
      // Before the await, so a retry racing this one is recognised too. A signed body counts while
      // its timestamp could still pass the check (either side of our clock).
      this.guard.remember(webhookId, digest, receivedAtMs + 2 * s.toleranceSeconds * 1000)
    }
    // A replay never opens a turn for a call that is over: nobody is there to hear the answer.
    const opensTurn = voice && !(origin.replayed && callId !== null && s.isCallLive && !s.isCallLive(callId))

    const data: WebhookJournalData = {
      webhookId,
      event: parsed.facts.event,
      channel: parsed.facts.channel,
      payload: parsed.envelope,
      receivedAt: new Date(receivedAtMs).toISOString(),
      replayed: origin.replayed,
      digest,
      unverified: origin.unverified === true
    }
    let seq: number
    try {
      seq = (await (s.journal.appendJson ? s.journal.appendJson('webhook', journalJson(data, parsed.text), data) : s.journal.append('webhook', data))).seq
    } catch (error) {
      // Not stored, so not acknowledged: AgentPhone retries, and the retry must not count as a duplicate.
      if (!origin.replayed) this.guard.forget(webhookId, digest)
      s.logger.error('receiver: journal append failed', { error: String(error) })
      return refuse(500, 'journal_failed', {}, 'internal')
    }

    const turnId = opensTurn ? `turn_${randomUUID().replaceAll('-', '')}` : null
    try {
      s.onAccepted({ ...data, deliveryId, seq, turnId })
    } catch (error) {
      s.logger.error('receiver: onAccepted failed', { error: String(error) })
    }
    if (voice && !opensTurn) {
      sendJson(res, 200, { ok: true, turn: null })
      return answered('accepted', 200, 'call_not_live')
    }
    if (turnId === null || callId === null) {
      sendJson(res, 200, { ok: true })
      return answered('accepted', 200, null)
    }
    answered('accepted', 200, null)
    if (!origin.replayed) this.guard.rememberTurn(webhookId, digest, turnId)
    s.broker.open({ turnId, callId, transcript: parsed.facts.transcript ?? '' }, res, {
      onLine: (line, atMs) => rec.addLine(line, atMs),
      onClose: () => rec.publish(),
      fallbackOnly: s.isFallbackOnly?.(callId) ?? false
    })
  }
}
