/**
 * One bridge client's outgoing events. Events are queued and written as ONE WebSocket message per
 * flush (`{"events": [...]}`, at most ~60 flushes a second), so the fan-out costs one socket write
 * per client per flush, not one per event, and each event is serialised once for every client
 * (bridge-protocol.ts). A client that stops reading cannot grow the server's memory: while its
 * socket holds more than `highWaterBytes` unsent, batches wait here; past `maxQueuedEvents`
 * waiting, `onOverflow` gives up on it (the connection closes it with a clear code and reason).
 */
import type { BridgeEvent } from '../../src-preload/contract'
import type { Clock, Logger, Timer } from '../core/ports'
import { createEventBatcher } from '../core/event-batcher'
import { formatEvents } from './bridge-protocol'

/** Events that may wait for a client whose socket is backed up before it is given up on (4001). */
export const MAX_QUEUED_EVENTS = 10_000
/** Unsent bytes past which events wait in the queue rather than in the socket's buffer. */
export const EVENTS_HIGH_WATER_BYTES = 1024 * 1024

export interface EventFramesOptions {
  clock: Clock
  logger: Logger
  maxFlushesPerSecond?: number
  /** Writes one message to the socket. */
  write(frame: string): void
  /** Bytes written to the socket and not yet sent. */
  buffered(): number
  /** Past this many unsent bytes, batches wait in the queue instead of the socket's buffer. */
  highWaterBytes: number
  /** Past this many events waiting, the client is given up on. */
  maxQueuedEvents: number
  /** Called once, with how many events were waiting, when the client fell too far behind. */
  onOverflow(queued: number): void
}

export interface EventFrames {
  push(event: BridgeEvent): void
  /** Events waiting for the socket to drain (0 while the client keeps up). */
  queued(): number
  /** Writes what can be written, then ignores later pushes and retries. */
  stop(): void
}

export function createEventFrames(options: EventFramesOptions): EventFrames {
  const retryMs = Math.ceil(1000 / (options.maxFlushesPerSecond ?? 60))
  /** Flushed, waiting for the socket to drain. */
  let held: BridgeEvent[] = []
  /** Pushed since the batcher's last flush. */
  let unflushed = 0
  let retry: Timer | null = null
  let gaveUp = false

  const giveUp = (): void => {
    gaveUp = true
    const queued = held.length + unflushed
    held = []
    retry?.cancel()
    retry = null
    options.onOverflow(queued)
  }

  const drain = (): void => {
    if (gaveUp || held.length === 0) return
    if (options.buffered() > options.highWaterBytes) {
      // Nothing else may arrive to trigger a flush: look again once the socket had time to drain.
      retry ??= options.clock.after(retryMs, () => {
        retry = null
        drain()
      })
      return
    }
    const frame = formatEvents(held)
    held = []
    options.write(frame)
  }

  const batcher = createEventBatcher({
    clock: options.clock,
    logger: options.logger,
    maxFlushesPerSecond: options.maxFlushesPerSecond,
    flush: (batch) => {
      unflushed = 0
      if (gaveUp) return
      if (held.length === 0) held = batch
      else for (const event of batch) held.push(event)
      drain()
    }
  })

  return {
    push(event) {
      if (gaveUp) return
      unflushed += 1
      batcher.push(event)
      // Checked on every push, so the cap holds exactly, however fast events come.
      if (held.length + unflushed > options.maxQueuedEvents && options.buffered() > options.highWaterBytes) giveUp()
    },
    queued: () => held.length + unflushed,
    stop() {
      batcher.stop()
      retry?.cancel()
      retry = null
      gaveUp = true
    }
  }
}
