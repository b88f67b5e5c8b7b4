import type { AgentPhoneClient } from '../agentphone/client'
import { isFinalStatus } from '../agentphone/resources/calls'
import { followTranscript } from '../agentphone/transcript-stream'
import type { Journal } from '../journal/journal'
import { isLive, type CallBoard } from './call-board'

/**
 * Keeps calls the console learned of outside a webhook (dialled, placed, found by polling) in the
 * journal, and follows hosted-mode calls through the API's transcript stream: they have no webhook
 * turns, so the stream is the only way their words reach the board.
 */
export class CallTracker {
  private readonly followers = new Map<string, { stop(): void }>()

  constructor(private readonly deps: { api: AgentPhoneClient; board: CallBoard; journal: Journal; nowIso: () => string }) {}

  track(callId: string, hosted: boolean): void {
    const { api, board, journal, nowIso } = this.deps
    const call = board.get(callId)
    if (call) void journal.append('call', call).catch(() => undefined)
    if (this.followers.has(callId)) return
    if (!hosted) return this.awaitEnd(callId)
    const handle = followTranscript(api, callId, {
      onTurn: (turn) =>
        board.addLine({ callId, speaker: turn.speaker, text: turn.text, at: turn.at, source: turn.speaker === 'agent' ? 'hosted' : 'caller' }),
      onEnded: () => {
        this.followers.delete(callId)
        const live = board.get(callId)
        if (live && isLive(live)) board.end(callId, nowIso())
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
        if (live && isLive(live) && isFinalStatus(final.status)) board.end(callId, final.endedAt ?? this.deps.nowIso(), final.status === 'completed' ? 'completed' : 'failed')
      })
      .catch(() => undefined)
      .finally(() => {
        if (!stop.signal.aborted) this.followers.delete(callId)
      })
  }

  stopAll(): void {
    for (const follower of this.followers.values()) follower.stop()
    this.followers.clear()
  }
}
