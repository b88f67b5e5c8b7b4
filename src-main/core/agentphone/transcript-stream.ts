/**
 * Following a call's live transcript over `GET /v1/calls/{id}/transcript/stream` (SSE). The server
 * replays every stored turn on connect, then sends live `turn` events, a `: heartbeat` comment every
 * 15 s, and an `ended` event before closing. A dropped connection is reopened with backoff; since
 * the replay starts from the beginning again, turns are deduped so each is delivered once.
 */
import { createParser } from 'eventsource-parser'
import type { Logger } from '../ports'
import { silentLogger } from '../ports'
import type { AgentPhoneClient } from './client'
import { ApiError } from './errors'
import type { Sleep } from './retry'
import { backoffDelay, defaultSleep } from './retry'
import type { CallTurn } from './transcript-turn'
import { normalizeTurn, TurnKeyer } from './transcript-turn'

export interface FollowTranscriptOptions {
  /** Each turn once, in order, replayed ones first. */
  onTurn(turn: CallTurn): void
  /** The server said the call ended; the follower is finished. */
  onEnded(): void
  /** Every failure; `willRetry` false means the follower gave up (e.g. 404: no such call). */
  onError?(err: ApiError, info: { willRetry: boolean }): void
  /** Aborting it is the same as `stop()`. */
  signal?: AbortSignal
  /** First reconnect delay; doubles per failure up to `maxBackoffMs`. Default 1000. */
  backoffMs?: number
  maxBackoffMs?: number
  /** Reconnect when nothing (not even a heartbeat) arrives for this long. Default 45 000 (3 heartbeats). */
  idleTimeoutMs?: number
  sleep?: Sleep
  logger?: Logger
}

export interface TranscriptFollower {
  /** Closes the stream; no callback runs afterwards. */
  stop(): void
  /** Settles (never rejects) when the call ended, the follower gave up, or it was stopped. */
  readonly done: Promise<void>
}

/** SSE event names that carry turns; servers may leave the name off (a plain `message`). */
const TURN_EVENTS = new Set([undefined, 'message', 'turn', 'transcript'])

/** Starts following `callId`'s transcript. */
export function followTranscript(client: AgentPhoneClient, callId: string, options: FollowTranscriptOptions): TranscriptFollower {
  const stopper = new AbortController()
  const onOuterAbort = (): void => stopper.abort()
  if (options.signal?.aborted) stopper.abort()
  options.signal?.addEventListener('abort', onOuterAbort, { once: true })
  const done = run(client, callId, options, stopper.signal).finally(() => options.signal?.removeEventListener('abort', onOuterAbort))
  return { stop: () => stopper.abort(), done }
}

async function run(client: AgentPhoneClient, callId: string, o: FollowTranscriptOptions, stopped: AbortSignal): Promise<void> {
  const delivered = new Set<string>()
  const sleep = o.sleep ?? defaultSleep
  const logger = o.logger ?? silentLogger
  const path = `/v1/calls/${encodeURIComponent(callId)}/transcript/stream`
  let failures = 0
  const deliver = (turn: CallTurn): void => {
    if (stopped.aborted || delivered.has(turn.id)) return
    delivered.add(turn.id)
    try {
      o.onTurn(turn)
    } catch (err) {
      logger.error('transcript onTurn handler threw', { callId, message: err instanceof Error ? err.message : String(err) })
    }
  }
  while (!stopped.aborted) {
    const conn = new AbortController()
    const onStop = (): void => conn.abort()
    stopped.addEventListener('abort', onStop, { once: true })
    const progress = { gotData: false }
    try {
      const res = await client.calls.openTranscriptStream(callId, { signal: conn.signal })
      const ended = await consume(res, conn, o.idleTimeoutMs ?? 45_000, progress, deliver)
      if (stopped.aborted) return
      if (ended) {
        o.onEnded()
        return
      }
      throw new ApiError({ status: 0, code: 'network_error', method: 'GET', path, message: 'The transcript stream closed before the call ended' })
    } catch (e) {
      if (stopped.aborted) return
      const err = e instanceof ApiError ? e : interrupted(path, e)
      const fatal = err.status >= 400 && err.status < 500 && err.status !== 408 && err.status !== 429
      o.onError?.(err, { willRetry: !fatal })
      if (fatal) return
      if (progress.gotData) failures = 0
      const base = o.backoffMs ?? 1000
      const delay =
        err.retryAfterSeconds !== undefined
          ? err.retryAfterSeconds * 1000
          : backoffDelay(failures++, { baseMs: base, maxMs: o.maxBackoffMs ?? 30_000, random: Math.random })
      try {
        await sleep(delay, stopped)
      } catch {
        return
      }
    } finally {
      stopped.removeEventListener('abort', onStop)
      conn.abort()
    }
  }
}

/** Reads one connection to its end. Resolves true after an `ended` event, false if the body just ended. */
async function consume(
  res: Response,
  conn: AbortController,
  idleMs: number,
  progress: { gotData: boolean },
  deliver: (turn: CallTurn) => void
): Promise<boolean> {
  if (!res.body) return false
  // Ids of id-less turns count repeats per connection, so each connection starts a fresh keyer.
  const keyer = new TurnKeyer()
  let ended = false
  const parser = createParser({
    onEvent(event) {
      if (ended) return
      if (event.event === 'ended') {
        ended = true
        return
      }
      if (!TURN_EVENTS.has(event.event)) return
      let data: unknown
      try {
        data = JSON.parse(event.data)
      } catch {
        return // A malformed event is skipped rather than killing a live call's view.
      }
      for (const raw of Array.isArray(data) ? data : [data]) for (const turn of normalizeTurn(raw, keyer)) deliver(turn)
    }
  })
  const reader = res.body.getReader()
  const decoder = new TextDecoder()
  let idle = setTimeout(() => conn.abort(), idleMs)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      clearTimeout(idle)
      idle = setTimeout(() => conn.abort(), idleMs)
      progress.gotData = true
      parser.feed(decoder.decode(value, { stream: true }))
      if (ended) break
    }
    return ended
  } finally {
    clearTimeout(idle)
    await reader.cancel().catch(() => undefined)
  }
}

function interrupted(path: string, cause: unknown): ApiError {
  const why = cause instanceof Error && cause.name === 'AbortError' ? 'no data or heartbeat arrived in time' : 'the connection dropped'
  return new ApiError({ status: 0, code: 'network_error', method: 'GET', path, message: `The transcript stream was interrupted: ${why}` })
}
