import type { BridgeEvent, HistoryStatus } from '../../../src-preload/contract'
import type { Journal } from '../journal/journal'
import type { Clock, Logger, Timer } from '../ports'
import { isLive, type CallBoard } from './call-board'
import type { DeliveryLog } from './delivery-log'

const DAY_MS = 24 * 60 * 60_000
/** How often retention runs while the app stays open (it also runs at every start). */
export const PRUNE_EVERY_MS = 6 * 60 * 60_000

/**
 * The history the data folder keeps: old days are removed past the retention period (a setting),
 * and the person can clear it all. Live calls are never cleared: they are still happening.
 */
export class HistoryKeeper {
  private timer: Timer | null = null
  private stopped = false

  constructor(
    private readonly deps: {
      journal: Journal
      board: CallBoard
      deliveries: DeliveryLog
      clock: Clock
      logger: Logger
      retentionDays: () => number
      emit: (event: BridgeEvent) => void
    }
  ) {}

  /** Removes the days past the retention period now; resolves with how many files went. */
  async pruneNow(): Promise<number> {
    const { journal, clock, logger, retentionDays } = this.deps
    try {
      const removed = await journal.prune(clock.now() - retentionDays() * DAY_MS)
      if (removed > 0) logger.info('history: removed days past the retention period', { files: removed, days: retentionDays() })
      return removed
    } catch (err) {
      logger.error('history: retention could not remove old files', { error: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined })
      return 0
    }
  }

  /** Runs retention every few hours until stopped. */
  start(): void {
    if (this.stopped || this.timer) return
    const tick = (): void => {
      this.timer = null
      if (this.stopped) return
      void this.pruneNow().finally(() => {
        if (!this.stopped) this.timer = this.deps.clock.after(PRUNE_EVERY_MS, tick)
      })
    }
    this.timer = this.deps.clock.after(PRUNE_EVERY_MS, tick)
  }

  stop(): void {
    this.stopped = true
    this.timer?.cancel()
    this.timer = null
  }

  async status(): Promise<HistoryStatus> {
    const stats = await this.deps.journal.stats()
    return { retentionDays: this.deps.retentionDays(), ...stats }
  }

  /**
   * Clear history: the journal's files, the ended calls on the board and the inspector's
   * deliveries. Live calls are written again at once, so a restart right after still shows them.
   */
  async clear(): Promise<{ removedFiles: number }> {
    const { journal, board, deliveries, clock, emit } = this.deps
    const removedFiles = await journal.clear()
    board.clearEnded()
    deliveries.clear()
    for (const call of board.list(true).filter(isLive)) {
      await journal.append('call', call)
      for (const line of board.transcript(call.id)) await journal.append('line', line)
    }
    emit({ event: 'history.cleared', data: { at: new Date(clock.now()).toISOString() } })
    return { removedFiles }
  }
}
