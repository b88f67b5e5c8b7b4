import type { Delivery } from '../../../src-preload/contract'
import type { JournalRecord } from '../journal/journal'
import type { Clock, Logger } from '../ports'
import type { TurnBroker } from '../turns/turn-broker'
import type { KnownDigest } from './known-ids'

/**
 * The part of the journal the receiver uses: durable before it resolves. With `appendJson` the
 * received body goes into the journal as the bytes that came in, never serialised again.
 */
export type JournalPort = {
  append(kind: string, data: unknown): Promise<JournalRecord>
  appendJson?(kind: string, dataJson: string, data: unknown): Promise<JournalRecord>
}
/** The part of the turn broker the receiver uses. */
export type BrokerPort = Pick<TurnBroker, 'open' | 'answerRetry'>

/** What a `kind: 'webhook'` journal record holds. */
export interface WebhookJournalData {
  webhookId: string | null
  event: string | null
  channel: string | null
  payload: Record<string, unknown>
  /** ISO time the request arrived. */
  receivedAt: string
  replayed: boolean
  /** Digest of the signature (see duplicate-guard.ts): a re-sent signed body is recognised after a restart too. */
  digest: string | null
  /** A replay of a delivery that was refused (unsigned or badly signed), sent after the person confirmed. */
  unverified: boolean
}

/** A verified, journaled webhook, handed to the session before any voice turn opens. */
export interface AcceptedWebhook extends WebhookJournalData {
  deliveryId: string
  /** The journal record's seq. */
  seq: number
  /** Set for `agent.message` / `voice`: the turn about to open for it. */
  turnId: string | null
}

export interface ReceiverOptions {
  /** Default 127.0.0.1: the receiver is reached through the person's own tunnel, never directly. */
  host?: string
  /** Default 0 (any free port). */
  port?: number
  /** Default '/webhook'. */
  path?: string
  clock: Clock
  logger?: Logger
  /** Secrets currently accepted, newest first (a previous one stays during rotation). */
  secrets: () => readonly string[]
  /** Default 300 s (agentphone-api.md §3.4). */
  toleranceSeconds?: number
  /** Default 1 MiB; a longer body is answered 413. */
  maxBodyBytes?: number
  journal: JournalPort
  broker: BrokerPort
  /** True when the call is set to "fallback only": its turns get the fallback line at once. */
  isFallbackOnly?: (callId: string) => boolean
  /**
   * Whether a call is still live. A replayed voice delivery for a call that is not opens no turn:
   * nobody can answer a caller who is gone, and history must not change after the fact.
   */
  isCallLive?: (callId: string) => boolean
  onAccepted: (event: AcceptedWebhook) => void
  /** Every request the receiver saw; called again with the same id as a voice turn's lines go out. */
  onDelivery: (delivery: Delivery) => void
  /** How many recent X-Webhook-IDs are remembered for dropping duplicates (default 10 000). */
  dedupeWindow?: number
  /**
   * Ids already journaled, oldest first (e.g. `recentWebhookIds(journal, n)`): a retry that arrives
   * after a restart is then dropped as a duplicate instead of journaled twice. See also `seedIds`.
   */
  knownIds?: Iterable<string>
  /** Signed bodies already journaled, with until when each counts (see `recentDeliveryKeys`). */
  knownDigests?: Iterable<KnownDigest>
  /** Default 10 s to receive the headers. */
  headersTimeoutMs?: number
  /** Default 30 s to receive the whole request, body included (the response may then stay open longer). */
  requestTimeoutMs?: number
  /** Default 5 s of silence allowed between body chunks. */
  bodyIdleTimeoutMs?: number
  /** Default 64: deeper JSON is refused with 400. */
  maxJsonDepth?: number
  /** Default 64 KiB of body kept in each Delivery (a refused one keeps at most 4 KiB). */
  maxStoredBodyBytes?: number
}
