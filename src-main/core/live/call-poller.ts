import type { AgentPhoneClient } from '../agentphone/client'
import type { Clock, Logger, Timer } from '../ports'
import type { AgentDirectory } from './agent-directory'
import type { CallBoard } from './call-board'
import { callInfoFromApi } from './call-info'

/** Often enough that a hosted call shows up while the caller is still saying hello. */
export const CALL_POLL_INTERVAL_MS = 4000

/**
 * AgentPhone sends no webhook when a call starts, and none at all for hosted-mode turns, so in live
 * mode the console asks for in-progress calls and puts the ones it does not know on the board;
 * hosted ones are then followed through the transcript stream.
 */
export class CallPoller {
  private timer: Timer | null = null
  private stopped = false

  constructor(
    private readonly deps: {
      api: AgentPhoneClient
      board: CallBoard
      directory: AgentDirectory
      clock: Clock
      logger: Logger
      track: (callId: string, hosted: boolean) => void
      intervalMs?: number
    }
  ) {}

  start(): void {
    const tick = () => {
      void this.poll().finally(() => {
        if (!this.stopped) this.timer = this.deps.clock.after(this.deps.intervalMs ?? CALL_POLL_INTERVAL_MS, tick)
      })
    }
    tick()
  }

  stop(): void {
    this.stopped = true
    this.timer?.cancel()
  }

  async poll(): Promise<number> {
    const { api, board, directory, clock, logger, track } = this.deps
    try {
      const page = await api.calls.list({ status: 'in-progress', limit: 100 })
      let added = 0
      for (const call of page.data) {
        if (board.get(call.id)) continue
        const agent = await directory.resolve(call.agentId)
        const info = callInfoFromApi(call, agent, new Date(clock.now()).toISOString())
        board.upsert({ id: info.id }, info)
        track(info.id, agent?.voiceMode === 'hosted')
        added++
      }
      return added
    } catch (err) {
      logger.warn('could not list live calls', { error: err instanceof Error ? err.message : String(err) })
      return 0
    }
  }
}
