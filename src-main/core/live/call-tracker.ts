import type { AgentPhoneClient } from '../agentphone/client'
import type { Sleep } from '../agentphone/retry'
import { isFinalStatus } from '../agentphone/resources/calls'
import { followTranscript } from '../agentphone/transcript-stream'
import type { Journal } from '../journal/journal'
import type { Clock, Logger } from '../ports'
import { silentLogger } from '../ports'
import type { AgentDirectory } from './agent-directory'
import { checkCall, endFromRecord } from './call-check'
import { isLive, type CallBoard } from './call-board'

/** A sleep on the injected clock, so a follower's reconnect backoff is tested by advancing time. */
export function clockSleep(clock: Clock): Sleep {
  return (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'))
      const onAbort = (): void => {
        timer.cancel()
        reject(signal?.reason ?? new Error('aborted'))
      }
      const timer = clock.after(ms, () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      })
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

/**
 * Keeps calls the console learned of outside a webhook (dialled, placed, found by polling) in the
 * journal, and follows hosted-mode calls through the API's transcript stream: they have no webhook
 * turns, so the stream is the only way their words reach the board. Once stopped it follows nothing.
 */
export class CallTracker {
  private readonly followers = new Map<string, { stop(): void }>()
  private stopped = false

  constructor(
    private readonly deps: {
      api: AgentPhoneClient
      board: CallBoard
      journal: Journal
      directory: AgentDirectory
      clock: Clock
      logger?: Logger
      nowIso: () => string
    }
  ) {}

  /** How many transcript streams are open (tests check that stop leaves none). */
  get following(): number {
    return this.followers.size
  }

  isFollowing(callId: string): boolean {
    return this.followers.has(callId)
  }

  track(callId: string, hosted: boolean): void {
    if (this.stopped) return
    const { api, board, journal } = this.deps
    const logger = this.deps.logger ?? silentLogger
    const call = board.get(callId)
    if (call) void journal.append('call', call).catch(() => undefined)
    if (this.followers.has(callId)) return
    if (!hosted) return this.awaitEnd(callId)
    // The stream replays the whole call on connect: lines the board already has (from the journal,
    // after a restart) are not added twice.
    const seen = new Set(board.transcript(callId).map((l) => `${l.at}|${l.speaker}|${l.text}`))
    const handle = followTranscript(api, callId, {
      sleep: clockSleep(this.deps.clock),
      logger,
      onTurn: (turn) => {
        if (seen.has(`${turn.at}|${turn.speaker}|${turn.text}`)) return
        board.addLine({ callId, speaker: turn.speaker, text: turn.text, at: turn.at, source: turn.speaker === 'agent' ? 'hosted' : 'caller' })
      },
      onEnded: () => {
        this.followers.delete(callId)
        const live = board.get(callId)
        // The stream says only that it ended; how it ended is AgentPhone's call record.
        if (live && isLive(live) && !this.stopped) void checkCall({ ...this.deps, logger }, callId)
      }
    })
    this.followers.set(callId, handle)
  }

  /**
   * A webhook-mode call ends on the board when `agent.call_ended` arrives; should that delivery be
   * lost (a tunnel down), one long-poll on the call (`?wait=true`) still brings the end, with no
   * polling in between.
   */
  private awaitEnd(callId: string): void {
    const { api, board } = this.deps
    const stop = new AbortController()
    this.followers.set(callId, { stop: () => stop.abort() })
    void api.calls
      .waitForEnd(callId, { signal: stop.signal, maxSeconds: 3600 })
      .then((final) => {
        const live = board.get(callId)
        if (live && isLive(live) && isFinalStatus(final.status)) endFromRecord(this.deps, final)
      })
      .catch(() => undefined)
      .finally(() => {
        if (!stop.signal.aborted) this.followers.delete(callId)
      })
  }

  stopAll(): void {
    this.stopped = true
    for (const follower of this.followers.values()) follower.stop()
    this.followers.clear()
  }
}
