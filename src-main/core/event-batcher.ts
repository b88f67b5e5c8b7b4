/**
 * Batches bridge events so a burst (a transcript streaming, a replay of many deliveries) reaches a
 * renderer as a few large sends rather than thousands of tiny ones. Used by both shells: the
 * Electron one sends each batch over IPC, the headless one writes each event to its WebSocket.
 */
import type { BridgeEvent } from '../../src-preload/contract'
import type { Clock, Logger, Timer } from './ports'
import { silentLogger, systemClock } from './ports'

export interface EventBatcherOptions {
  /** Schedules the flushes; tests hand in a controllable clock. */
  clock?: Clock
  /** Upper bound on flushes a second (default 60, one per frame at 60 Hz). */
  maxFlushesPerSecond?: number
  /** Receives every queued event, in push order. Never called with an empty batch. */
  flush: (batch: BridgeEvent[]) => void
  /** Where a throwing `flush` is reported (the batch is not retried: the sink is broken). */
  logger?: Logger
}

export interface EventBatcher {
  /** Queues one event; a flush follows within one flush interval. Ignored after `stop()`. */
  push(event: BridgeEvent): void
  /** Flushes whatever is queued right now (no-op when empty). */
  flushNow(): void
  /** Flushes what is queued, cancels the timer, and ignores later pushes. */
  stop(): void
}

/**
 * Creates a batcher. Events are never dropped or reordered while it runs; consecutive flushes are
 * at least `1000 / maxFlushesPerSecond` ms apart, so a sink sees at most about that many a second.
 */
export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const rate = options.maxFlushesPerSecond ?? 60
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError('maxFlushesPerSecond must be a positive number')
  // Whole milliseconds, rounded up: no one-second window ever holds more than `rate` flushes.
  const intervalMs = Math.ceil(1000 / rate)

  let queue: BridgeEvent[] = []
  let timer: Timer | null = null
  let lastFlushAt = Number.NEGATIVE_INFINITY
  let stopped = false

  const flushNow = (): void => {
    if (timer) {
      timer.cancel()
      timer = null
    }
    if (queue.length === 0) return
    // Swap before calling out, so events pushed from inside `flush` land in the next batch.
    const batch = queue
    queue = []
    lastFlushAt = clock.now()
    try {
      options.flush(batch)
    } catch (error) {
      logger.error('event batch could not be delivered', { error: String(error), size: batch.length })
    }
  }

  const schedule = (): void => {
    if (timer || stopped) return
    // Even a zero delay goes through the clock: events pushed in the same tick share one batch.
    const delay = Math.max(0, lastFlushAt + intervalMs - clock.now())
    timer = clock.after(delay, () => {
      timer = null
      flushNow()
    })
  }

  return {
    push(event) {
      if (stopped) return
      queue.push(event)
      schedule()
    },
    flushNow,
    stop() {
      if (stopped) return
      flushNow()
      stopped = true
    }
  }
}
