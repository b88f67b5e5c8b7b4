import type { AgentPhoneClient } from '../agentphone/client'
import type { Clock, Logger, Timer } from '../ports'
import type { AgentDirectory } from './agent-directory'
import { checkCall } from './call-check'
import type { CallBoard } from './call-board'
import { callInfoFromApi } from './call-info'

/** Often enough that a hosted call shows up while the caller is still saying hello. */
export const CALL_POLL_INTERVAL_MS = 4000

/** What the poller asks of the call tracker. */
export interface Follower {
  track(callId: string, hosted: boolean): void
  isFollowing(callId: string): boolean
}

/**
 * AgentPhone sends no webhook when a call starts, and none at all for hosted-mode turns, so in live
 * mode the console asks for in-progress calls and puts the ones it does not know on the board;
 * hosted ones are then followed through the transcript stream. The other way round too: a call the
 * board shows as live that AgentPhone no longer lists is checked (`GET /v1/calls/{id}`) and ended.
 * The first poll runs at start, so calls restored from the journal are checked then.
 */
export class CallPoller {
  private timer: Timer | null = null
  private stopped = false
  private inFlight: Promise<void> = Promise.resolve()

  constructor(
    private readonly deps: {
      api: AgentPhoneClient
      board: CallBoard
      directory: AgentDirectory
      clock: Clock
      logger: Logger
      follower: Follower
      intervalMs?: number
    }
  ) {}

  start(): void {
    if (this.stopped || this.timer) return
    const tick = (): void => {
      this.timer = null
      if (this.stopped) return
      this.inFlight = this.poll().then(
        () => undefined,
        (err: unknown) => this.deps.logger.error('the call poll failed', { error: err instanceof Error ? err.stack : String(err) })
      ).then(() => {
        if (!this.stopped) this.timer = this.deps.clock.after(this.deps.intervalMs ?? CALL_POLL_INTERVAL_MS, tick)
      })
    }
    tick()
  }

  /** No poll starts after this, and one in flight changes nothing more. */
  stop(): void {
    this.stopped = true
    this.timer?.cancel()
    this.timer = null
  }

  /** Resolves once the poll in flight (if any) has finished and decided whether to arm the next. */
  settled(): Promise<void> {
    return this.inFlight
  }

  async poll(): Promise<number> {
    const { api, board, directory, clock, logger, follower } = this.deps
    const nowIso = (): string => new Date(clock.now()).toISOString()
    let page: Awaited<ReturnType<AgentPhoneClient['calls']['list']>>
    try {
      page = await api.calls.list({ status: 'in-progress', limit: 100 })
    } catch (err) {
      logger.warn('could not list live calls', { error: err instanceof Error ? err.message : String(err) })
      return 0
    }
    let added = 0
    const listed = new Set<string>()
    for (const call of page.data) {
      if (this.stopped) return added
      listed.add(call.id)
      const known = board.get(call.id)
      if (known) {
        // Restored from the journal after a restart: a hosted call is followed again.
        if (known.voiceMode === 'hosted' && !follower.isFollowing(call.id)) follower.track(call.id, true)
        continue
      }
      const agent = await directory.resolve(call.agentId)
      const info = callInfoFromApi(call, agent, nowIso())
      board.upsert({ id: info.id }, info)
      follower.track(info.id, agent?.voiceMode === 'hosted')
      added++
    }
    // A partial list proves nothing about the calls it left out.
    if (page.hasMore) return added
    for (const call of board.list(true)) {
      if (this.stopped) return added
      if (!listed.has(call.id)) await checkCall({ api, board, directory, logger, nowIso }, call.id)
    }
    return added
  }
}
