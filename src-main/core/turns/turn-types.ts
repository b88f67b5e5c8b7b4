import type { z } from 'zod'
import type { BridgeEvent, ReplyParamsSchema } from '../../../src-preload/contract'
import type { Clock } from '../ports'

/** Read at every `open`, so a settings change applies from the next turn on. */
export interface TurnConfig {
  fillerEnabled: boolean
  fillerText: string
  fallbackText: string
  /** The webhook's own timeout: AgentPhone gives up on the response after this. */
  turnTimeoutMs: number
  /** How long before that timeout the fallback speaks, so it lands in time. */
  deadlineMarginMs: number
  /** Past this many open turns, a new one gets the fallback at once. */
  maxOpenTurns: number
}

export type TurnOutcome = 'replied' | 'fallback' | 'cancelled'
export type LineSource = 'filler' | 'human' | 'fallback' | 'copilot'

/** Who wrote a reply: a person, or the copilot's autopilot (then with the model that wrote it). */
export type ReplyOrigin = { source: 'human' } | { source: 'copilot'; model: string }

/** A validated `turns.reply` (the contract's ReplyParamsSchema output). */
export type ReplyParams = z.output<typeof ReplyParamsSchema>

/** What `TurnBroker.open` needs to know about the webhook it answers. */
export interface TurnRequest {
  turnId: string
  callId: string
  /** The caller's utterance this turn answers. */
  transcript: string
}

/** Callbacks the receiver uses to log what was written on a turn's response. */
export interface TurnHooks {
  /** Every NDJSON line written (without its trailing newline); `atMs` is the clock's time of writing. */
  onLine?(line: string, atMs: number): void
  /** Once, when the turn ends, however it ends. */
  onClose?(outcome: TurnOutcome, atMs: number): void
  /** The call is set to "fallback only": answer with the fallback line at once. */
  fallbackOnly?: boolean
}

export interface TurnBrokerOptions {
  clock: Clock
  config: () => TurnConfig
  onEvent: (event: BridgeEvent) => void
  /** How many closed turns are remembered, to explain a late reply (default 1000). */
  closedMemory?: number
  /** How long a claim lasts without typing from its holder (default 10 s, see turn-claims.ts). */
  claimIdleMs?: number
}
