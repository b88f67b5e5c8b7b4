import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Delivery } from '../../../src-preload/contract'
import { CoreError } from '../errors'
import { silentLogger } from '../ports'
import { DEFAULT_STORED_BODY_BYTES, TRUNCATED_MARKER } from './delivery-log'
import { clientErrorAnswer, rawAnswer, requestLineOf } from './http-guards'
import { BODY_MALFORMED } from './read-body'
import type { ReceiverOptions } from './receiver-types'
import { loopbackFor, sendLocal } from './replay-client'
import { DEFAULT_TOLERANCE_SECONDS, EVENT_HEADER, WEBHOOK_ID_HEADER } from './signature'
import { WebhookPipeline } from './webhook-pipeline'
import type { PipelineSettings } from './webhook-pipeline'

export type { AcceptedWebhook, ReceiverOptions, WebhookJournalData } from './receiver-types'
export { recentDeliveryKeys, recentWebhookIds } from './known-ids'

/** Marks our own replays; its value is a per-process secret, so no outside request can skip the checks. */
const REPLAY_HEADER = 'x-switchboard-replay'
const HIDDEN = new Set([REPLAY_HEADER])

/**
 * The webhook HTTP server: AgentPhone (or the simulator) POSTs signed deliveries here. One
 * `start`/`stop`; `replay` sends a stored delivery through the same pipeline again.
 */
export class Receiver {
  private server: Server | undefined
  private boundPort = 0
  private readonly host: string
  private readonly pipeline: WebhookPipeline
  private readonly settings: PipelineSettings
  private readonly replayToken = randomBytes(24).toString('hex')
  private readonly replayWaiters = new Map<string, { resolve: (delivery: Delivery) => void; unverified: boolean }>()
  /** Requests in flight per socket (pipelining allows several): a parser error there must not get a second answer. */
  private readonly busy = new WeakMap<Duplex, number>()
  /** The request being read on each socket, to tell it when the parser fails inside its body. */
  private readonly reading = new WeakMap<Duplex, IncomingMessage>()
  /** Sockets already answered after a parser error: later bytes on them are not recorded again. */
  private readonly refused = new WeakSet<Duplex>()

  constructor(private readonly options: ReceiverOptions) {
    this.host = options.host ?? '127.0.0.1'
    this.settings = {
      path: options.path ?? '/webhook',
      clock: options.clock,
      logger: options.logger ?? silentLogger,
      secrets: options.secrets,
      toleranceSeconds: options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      journal: options.journal,
      broker: options.broker,
      isFallbackOnly: options.isFallbackOnly,
      isCallLive: options.isCallLive,
      onAccepted: options.onAccepted,
      onDelivery: options.onDelivery,
      dedupeWindow: options.dedupeWindow ?? 10_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
      requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
      bodyIdleTimeoutMs: options.bodyIdleTimeoutMs ?? 5_000,
      maxJsonDepth: options.maxJsonDepth ?? 64,
      maxStoredBodyBytes: options.maxStoredBodyBytes ?? DEFAULT_STORED_BODY_BYTES
    }
    this.pipeline = new WebhookPipeline(this.settings)
    if (options.knownIds) this.pipeline.seedIds(options.knownIds)
    if (options.knownDigests) this.pipeline.seedDigests(options.knownDigests)
  }

  /**
   * Adds ids already journaled (oldest first) to the duplicate window, e.g. on start-up from
   * `recentWebhookIds(journal, n)`; only the newest `dedupeWindow` are kept.
   */
  seedIds(ids: Iterable<string>): void {
    this.pipeline.seedIds(ids)
  }

  /** The bound port (after `start`). */
  get port(): number {
    return this.boundPort
  }

  /** `http://host:port/webhook`: what a tunnel or the simulator should deliver to. */
  get url(): string {
    const host = loopbackFor(this.host)
    return `http://${host.includes(':') ? `[${host}]` : host}:${this.boundPort}${this.settings.path}`
  }

  async start(): Promise<void> {
    if (this.server) throw new Error('the receiver is already running')
    const { headersTimeoutMs, requestTimeoutMs } = this.settings
    const checkEvery = Math.max(50, Math.min(1000, Math.floor(headersTimeoutMs / 4)))
    const server = createServer(
      {
        headersTimeout: headersTimeoutMs,
        // The pipeline times the body itself (and answers 408); Node's own check is only a backstop.
        requestTimeout: requestTimeoutMs + 2 * checkEvery,
        // Node only checks those timeouts this often (30 s by default): keep it well inside them.
        connectionsCheckingInterval: checkEvery,
        noDelay: true
      },
      (req, res) => this.onRequest(req, res)
    )
    server.maxHeadersCount = 100
    server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex) => this.onClientError(error, socket))
    this.server = server
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(this.options.port ?? 0, this.host, () => {
          server.off('error', reject)
          resolve()
        })
      })
    } catch (error) {
      this.server = undefined
      throw error
    }
    this.boundPort = (server.address() as AddressInfo).port
  }

  /** Closes the port and every connection. Close the broker's turns first to answer them with the fallback. */
  async stop(): Promise<void> {
    const server = this.server
    if (!server) return
    this.server = undefined
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeAllConnections()
    await closed
  }

  /**
   * Sends a stored delivery's body through the pipeline again over loopback (no signature check, no
   * dedupe; journaled with `replayed: true`, and `unverified: true` for one that was refused).
   * Resolves with the new Delivery once it is answered; a voice turn for a live call then stays
   * open in the broker like any other (for a call that is over, none opens).
   */
  replay(delivery: Delivery, options: { unverified?: boolean } = {}): Promise<Delivery> {
    if (!this.server) return Promise.reject(new CoreError('not_available', 'The webhook receiver is not running'))
    if (delivery.body.endsWith(TRUNCATED_MARKER)) {
      return Promise.reject(new CoreError('not_available', 'This delivery was too large to keep in full, so it cannot be replayed'))
    }
    const nonce = randomUUID()
    const headers: Record<string, string> = { [REPLAY_HEADER]: `${this.replayToken}.${nonce}` }
    if (delivery.webhookId) headers[WEBHOOK_ID_HEADER] = delivery.webhookId
    if (delivery.event) headers[EVENT_HEADER] = delivery.event
    return new Promise<Delivery>((resolve, reject) => {
      this.replayWaiters.set(nonce, { resolve, unverified: options.unverified === true })
      const fail = (why: string): void => {
        if (this.replayWaiters.delete(nonce)) reject(new CoreError('internal', `The replay failed: ${why}`))
      }
      sendLocal({ host: this.host, port: this.boundPort, path: this.settings.path }, delivery.body, headers).then(
        () => fail('no answer'),
        (error: unknown) => fail(error instanceof Error ? error.message : String(error))
      )
    })
  }

  /**
   * Node's parser refused the bytes (malformed HTTP, headers too large or too slow). Answer with a
   * plain status and record it like any refused delivery, unless the client already left.
   */
  private onClientError(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
    const answer = clientErrorAnswer(error, (socket as Socket).bytesRead ?? 0)
    if (this.refused.has(socket)) return void socket.destroy()
    this.refused.add(socket)
    const req = this.reading.get(socket)
    // Inside a body the pipeline owns the answer; once it has answered there is nobody left to tell.
    if (req && !req.complete && req.listenerCount(BODY_MALFORMED) > 0 && !answer.silent) return void req.emit(BODY_MALFORMED)
    if ((this.busy.get(socket) ?? 0) > 0 || answer.silent || !socket.writable) return void socket.destroy()
    // End (not destroy) so the answer is read before the close; a client that never closes is cut off.
    socket.end(rawAnswer(answer.status, answer.reason))
    this.settings.clock.after(1000, () => socket.destroy())
    this.pipeline.recordUnparsed({ ...requestLineOf(error.rawPacket), raw: error.rawPacket }, answer.status, answer.reason)
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const socket = req.socket
    this.busy.set(socket, (this.busy.get(socket) ?? 0) + 1)
    this.reading.set(socket, req)
    res.once('close', () => this.busy.set(socket, (this.busy.get(socket) ?? 1) - 1))
    const waiterNonce = this.replayNonce(req)
    const waiter = waiterNonce === undefined ? undefined : this.replayWaiters.get(waiterNonce)
    const onAnswered =
      waiterNonce === undefined
        ? undefined
        : (delivery: Delivery): void => {
            this.replayWaiters.get(waiterNonce)?.resolve(delivery)
            this.replayWaiters.delete(waiterNonce)
          }
    const origin = { replayed: waiterNonce !== undefined, unverified: waiter?.unverified === true, onAnswered, hiddenHeaders: HIDDEN }
    this.pipeline.handle(req, res, origin).catch((error: unknown) => {
      this.settings.logger.error('receiver: request failed', { error: String(error) })
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json', Connection: 'close' })
        res.end('{"error":"internal"}')
      } else res.destroy()
    })
  }

  /** The replay nonce if the request carries our own replay token, else undefined. */
  private replayNonce(req: IncomingMessage): string | undefined {
    const value = req.headers[REPLAY_HEADER]
    if (typeof value !== 'string') return undefined
    const [token = '', nonce = ''] = value.split('.', 2)
    const given = Buffer.from(token)
    const expected = Buffer.from(this.replayToken)
    return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined
  }
}

/** Creates a receiver; call `start()` to listen. */
export function createReceiver(options: ReceiverOptions): Receiver {
  return new Receiver(options)
}
