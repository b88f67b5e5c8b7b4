import type { z } from 'zod'
import type { HttpClient, RequestOptions } from '../http'
import { seg } from '../http'
import type { ListAllOptions } from '../pager'
import { listAll } from '../pager'
import { normalizePhone } from '../phone'
import type { ApiCall, ApiCallDetail, ApiCallList } from '../schemas'
import { CallDetailSchema, CallEndSchema, CallListSchema, CallSchema } from '../schemas'
import type { CallTurn } from '../transcript-turn'
import { normalizeTurns, TranscriptResponseSchema } from '../transcript-turn'
import type { Sleep } from '../retry'
import { defaultSleep } from '../retry'
import type { Paging } from './agents'

export interface CallListQuery extends Paging {
  /** e.g. `in-progress`, `completed`, `failed`. */
  status?: string
  direction?: 'inbound' | 'outbound'
  type?: 'pstn' | 'web'
  /** Substring of the from or to number. */
  search?: string
}

/** `POST /v1/calls` body (camelCase on the wire). `toNumber` is normalised to E.164 first. */
export interface PlaceCallInput {
  agentId: string
  toNumber: string
  fromNumberId?: string
  initialGreeting?: string
  voice?: string
  /** Present: the built-in LLM runs the call. Absent: each turn goes to the webhook. */
  systemPrompt?: string
  modelTier?: 'turbo' | 'balanced' | 'max'
  variables?: Record<string, string>
  callScreeningIdentity?: string
  callScreeningPurpose?: string
  /** No recording is made of this call. */
  disableRecording?: boolean
}

/** Call statuses that are still going somewhere; anything else (completed, failed, busy, no-answer…) is final. */
const LIVE_STATUSES = new Set(['queued', 'initiated', 'registered', 'ringing', 'in-progress', 'ending'])
export const isFinalStatus = (status: string): boolean => !LIVE_STATUSES.has(status)

export interface WaitForEndOptions extends RequestOptions {
  /** Give up (answering the call as it then is) after this long; default 600. */
  maxSeconds?: number
  /** Server wait per long-poll request, 10–300; default 120. */
  pollSeconds?: number
  /** Pause before asking again when a server answered a long-poll at once (it ignores `wait`); default 5000. */
  fallbackMs?: number
  sleep?: Sleep
  now?: () => number
}

/** The largest recording fetched (a WAV of 30 minutes at 8 kHz, 16 bit, is ~29 MB). */
export const MAX_RECORDING_BYTES = 64 * 1024 * 1024

/** Long-poll: wait until the call ends, at most `timeout` seconds (10–300). */
export interface CallWait {
  wait?: boolean
  timeout?: number
}

/** Extra time over a long-poll's server wait before the client gives up. */
const LONG_POLL_MARGIN_MS = 15_000

/** `/v1/calls…` (agentphone-api.md §2.6). */
export class CallsResource {
  constructor(private readonly http: HttpClient) {}

  /** One page of calls, newest first: `{data, hasMore, total}`. */
  list(query: CallListQuery = {}, opts: RequestOptions = {}): Promise<ApiCallList> {
    return this.http.json({ ...opts, method: 'GET', path: '/v1/calls', query: { ...query } }, CallListSchema)
  }

  /** Every call matching the filters, following `hasMore` (capped by `maxItems`, default 10 000). */
  listAll(query: Omit<CallListQuery, 'limit' | 'offset'> = {}, options: ListAllOptions = {}): Promise<ApiCall[]> {
    return listAll((paging, opts) => this.list({ ...query, ...paging }, opts), options)
  }

  /** A call with its stored `transcripts` (partial while the call is live). */
  get(callId: string, wait: CallWait = {}, opts: RequestOptions = {}): Promise<ApiCallDetail> {
    const timeoutMs = wait.wait ? (wait.timeout ?? 120) * 1000 + LONG_POLL_MARGIN_MS : undefined
    const query = wait.wait ? { wait: true, timeout: wait.timeout } : undefined
    return this.http.json({ ...opts, method: 'GET', path: `/v1/calls/${seg(callId)}`, query, timeoutMs }, CallDetailSchema)
  }

  /** The full ordered transcript, normalised to caller/agent turns. */
  async transcript(callId: string, opts: RequestOptions = {}): Promise<CallTurn[]> {
    const raw = await this.http.json({ ...opts, method: 'GET', path: `/v1/calls/${seg(callId)}/transcript` }, TranscriptResponseSchema)
    return normalizeTurns(raw)
  }

  /**
   * Places an outbound call. The number is normalised before anything is sent (CoreError
   * 'invalid_number' otherwise). Never retried automatically: a retry can ring someone twice.
   */
  place(input: PlaceCallInput, opts: RequestOptions = {}): Promise<ApiCall> {
    const body = { ...input, toNumber: normalizePhone(input.toNumber) }
    return this.http.json({ ...opts, method: 'POST', path: '/v1/calls', body }, CallSchema)
  }

  /** Asks AgentPhone to hang up; the final status arrives later. 409 if the call is not live. */
  end(callId: string, opts: RequestOptions = {}): Promise<z.output<typeof CallEndSchema>> {
    return this.http.json({ ...opts, method: 'POST', path: `/v1/calls/${seg(callId)}/end` }, CallEndSchema)
  }

  /**
   * Places a call and waits until it has ended (`waitForCompletion`, §9.4): the answer is the ended
   * call with its transcript, or the call as it is after `maxWaitSeconds` (10–600, default 300).
   * Never retried automatically, like `place`.
   */
  placeAndWait(input: PlaceCallInput, maxWaitSeconds = 300, opts: RequestOptions = {}): Promise<ApiCallDetail> {
    const body = { ...input, toNumber: normalizePhone(input.toNumber), waitForCompletion: true, maxWaitSeconds }
    const timeoutMs = maxWaitSeconds * 1000 + LONG_POLL_MARGIN_MS
    return this.http.json({ ...opts, method: 'POST', path: '/v1/calls', body, timeoutMs }, CallDetailSchema)
  }

  /**
   * Waits for a call to end with the long-poll (`GET /v1/calls/{id}?wait=true`): one request per
   * up to `pollSeconds` rather than a poll every few seconds. A server that ignores `wait` answers
   * at once; the next request then waits `fallbackMs` first, so it degrades to plain polling.
   * Answers the final call, or the call as it is once `maxSeconds` have passed.
   */
  async waitForEnd(callId: string, o: WaitForEndOptions = {}): Promise<ApiCallDetail> {
    const now = o.now ?? Date.now
    const sleep = o.sleep ?? defaultSleep
    const deadline = now() + (o.maxSeconds ?? 600) * 1000
    for (;;) {
      const left = Math.ceil((deadline - now()) / 1000)
      const timeout = Math.min(300, Math.max(10, Math.min(o.pollSeconds ?? 120, left)))
      const asked = now()
      const call = await this.get(callId, { wait: true, timeout }, { signal: o.signal })
      if (isFinalStatus(call.status) || now() >= deadline) return call
      if (now() - asked < 1000) await sleep(Math.min(o.fallbackMs ?? 5000, Math.max(0, deadline - now())), o.signal)
    }
  }

  /**
   * A finished call's recording (WAV), fetched without the key like the URL it comes from; null
   * when there is none (404).
   */
  recording(callId: string, opts: RequestOptions = {}): Promise<{ contentType: string; bytes: Uint8Array } | null> {
    const path = `/v1/calls/${seg(callId)}/recording`
    return this.http.binary({ ...opts, method: 'GET', path, anonymous: true, acceptStatus: (s) => s === 404, accept: 'audio/wav, audio/*' }, MAX_RECORDING_BYTES)
  }

  /** The public recording URL (no auth: the call id is the capability). */
  recordingUrl(callId: string): string {
    return this.http.url(`/v1/calls/${seg(callId)}/recording`)
  }

  /**
   * Whether a recording exists: HEAD on the public URL (200 → true, 404 → false). Servers that
   * refuse HEAD get a GET whose body is dropped unread.
   */
  async recordingAvailable(callId: string, opts: RequestOptions = {}): Promise<boolean> {
    const path = `/v1/calls/${seg(callId)}/recording`
    const accept = (s: number): boolean => s === 404 || s === 405 || s === 501
    const status = await this.http.status({ ...opts, method: 'HEAD', path, anonymous: true, acceptStatus: accept, accept: '*/*' })
    if (status !== 405 && status !== 501) return status !== 404
    const res = await this.http.open({ ...opts, method: 'GET', path, anonymous: true, acceptStatus: (s) => s === 404, accept: '*/*' })
    await res.body?.cancel().catch(() => undefined)
    return res.status !== 404
  }

  /**
   * Opens `GET /v1/calls/{id}/transcript/stream` (SSE). One attempt; `followTranscript` owns
   * reconnection and dedupe, so use that rather than this.
   */
  openTranscriptStream(callId: string, opts: RequestOptions = {}): Promise<Response> {
    return this.http.open({ ...opts, method: 'GET', path: `/v1/calls/${seg(callId)}/transcript/stream`, accept: 'text/event-stream' })
  }
}
