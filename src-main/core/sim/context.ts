/** What the simulator's parts share. Type-only, so parts can depend on it without import cycles. */
import type { Clock, Logger } from '../ports'
import type { Account } from './account'
import type { CallEngine } from './call-engine'
import type { Deliverer } from './deliveries'
import type { SimEmitter } from './emitter'
import type { NumberPool } from './number-pool'
import type { Messaging } from './messaging'

export interface SimContext {
  clock: Clock
  logger: Logger
  emitter: SimEmitter
  pool: NumberPool
  deliverer: Deliverer
  numberLimit: number
  /** What buying a number takes from the balance; below it the API answers 402. */
  numberPriceCents: number
  sseHeartbeatMs: number
  /** The simulated callee's ring and pause between lines. */
  calleePaceMs: number
  accounts: Map<string, Account>
  /** Something in an account changed: the state file is written soon (a no-op without a data folder). */
  changed(): void
}

/** The context plus the engines the routes and the sandbox phone drive. */
export interface SimRuntime extends SimContext {
  calls: CallEngine
  messaging: Messaging
}
