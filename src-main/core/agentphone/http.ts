import type { z } from 'zod'
import type { Logger } from '../ports'
import { ApiError } from './errors'
import { abortedError, httpError, invalidResponse, networkError, timedOutError } from './failures'
import type { Sleep } from './retry'
import { backoffDelay, isRetryableStatus, isSafeMethod } from './retry'

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

/** Per-call options every client method accepts. */
export interface RequestOptions {
  /** Cancels the request (and any retry wait); the call rejects with ApiError code 'aborted'. */
  signal?: AbortSignal
}

/** One request as the resource groups describe it. */
export interface RequestSpec extends RequestOptions {
  method: HttpMethod
  /** Begins with `/v1/`; ids inside it must already be encoded (see `seg`). */
  path: string
  query?: Query
  body?: unknown
  /** Marks a non-GET/DELETE call as safe to repeat (an upsert, a full replace). Never for POST /v1/calls or /v1/messages. */
  idempotent?: boolean
  /** Overrides the client's per-attempt timeout (long polls). */
  timeoutMs?: number
  /** Statuses that are answers rather than errors (e.g. 404 for "no recording"). */
  acceptStatus?: (status: number) => boolean
  /** Omit the bearer token (public endpoints such as the recording URL). */
  anonymous?: boolean
  accept?: string
}

export interface HttpConfig {
  baseUrl: string
  apiKey: string
  timeoutMs: number
  maxRetries: number
  fetch: typeof fetch
  sleep: Sleep
  logger: Logger
  random: () => number
  retryBaseMs: number
  retryMaxMs: number
  /** A Retry-After longer than this is not waited out: the error is surfaced with `retryAfterSeconds`. */
  maxRetryAfterSeconds: number
}

/** Encodes one path segment (an id) so it can never change the path's shape. */
export function seg(id: string): string {
  return encodeURIComponent(id)
}

/**
 * The transport under every resource group: auth header, per-attempt timeout, cancellation,
 * retries where safe, error envelopes, and zod validation at the boundary. The API key lives in a
 * private field so it never shows up when the client is inspected or serialised.
 */
export class HttpClient {
  readonly #apiKey: string
  readonly #cfg: Omit<HttpConfig, 'apiKey'>

  constructor(cfg: HttpConfig) {
    const { apiKey, ...rest } = cfg
    this.#apiKey = apiKey
    this.#cfg = { ...rest, baseUrl: cfg.baseUrl.replace(/\/$/, '') }
  }

  get baseUrl(): string {
    return this.#cfg.baseUrl
  }

  /** Replaces the key wherever a server or runtime echoed it into text we might show or log. */
  readonly #redact = (text: string): string => (this.#apiKey.length >= 4 ? text.split(this.#apiKey).join('[redacted]') : text)

  /** Builds the absolute URL for a path and query. */
  url(path: string, query?: Query): string {
    const params = new URLSearchParams()
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== null) params.set(k, String(v))
    const qs = params.toString()
    return `${this.#cfg.baseUrl}${path}${qs ? `?${qs}` : ''}`
  }

  /** Sends a request and validates its JSON body with `schema`. */
  async json<S extends z.ZodType>(spec: RequestSpec, schema: S): Promise<z.output<S>> {
    const { res, text } = await this.#send(spec, false)
    let body: unknown = {}
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text)
      } catch {
        throw invalidResponse(spec, res.status, this.#redact, 'the body is not JSON')
      }
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
      throw invalidResponse(spec, res.status, this.#redact, issues.join('; '))
    }
    return parsed.data
  }

  /** Sends a request and answers its status only (HEAD probes, accepted statuses). */
  async status(spec: RequestSpec): Promise<number> {
    return (await this.#send(spec, false)).res.status
  }

  /**
   * Fetches a binary body (a recording), retried like any safe request. Answers null for a status
   * `acceptStatus` lets through (e.g. 404: none), and refuses a body over `maxBytes`.
   */
  async binary(spec: RequestSpec, maxBytes: number): Promise<{ contentType: string; bytes: Uint8Array } | null> {
    const { res } = await this.#send(spec, true)
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined)
      return null
    }
    const declared = Number(res.headers.get('content-length') ?? '0')
    if (declared > maxBytes) {
      await res.body?.cancel().catch(() => undefined)
      throw invalidResponse(spec, res.status, this.#redact, `the body is ${declared} bytes, over the ${maxBytes} allowed`)
    }
    const bytes = new Uint8Array(await res.arrayBuffer())
    if (bytes.length > maxBytes) throw invalidResponse(spec, res.status, this.#redact, `the body is over the ${maxBytes} bytes allowed`)
    return { contentType: res.headers.get('content-type') ?? 'application/octet-stream', bytes }
  }

  /**
   * Opens a streaming response (one attempt, no retries: the caller owns reconnection). The timeout
   * covers only the wait for headers; the body then flows until the signal aborts.
   */
  async open(spec: RequestSpec): Promise<Response> {
    return (await this.#send(spec, true, false)).res
  }

  async #send(spec: RequestSpec, streaming: boolean, retry = true): Promise<{ res: Response; text: string }> {
    const canRetry = retry && (isSafeMethod(spec.method) || spec.idempotent === true)
    const maxAttempts = canRetry ? this.#cfg.maxRetries + 1 : 1
    for (let attempt = 0; ; attempt++) {
      let delayMs: number
      try {
        return await this.#attempt(spec, streaming)
      } catch (err) {
        if (!(err instanceof ApiError)) throw err
        const retryable = err.code !== 'aborted' && (err.status === 0 || isRetryableStatus(err.status))
        if (!retryable || attempt + 1 >= maxAttempts) throw err
        if (err.retryAfterSeconds !== undefined) {
          if (err.retryAfterSeconds > this.#cfg.maxRetryAfterSeconds) throw err
          delayMs = err.retryAfterSeconds * 1000
        } else {
          delayMs = backoffDelay(attempt, { baseMs: this.#cfg.retryBaseMs, maxMs: this.#cfg.retryMaxMs, random: this.#cfg.random })
        }
        this.#cfg.logger.warn('agentphone request will be retried', {
          method: spec.method,
          path: err.path,
          status: err.status,
          code: err.code,
          attempt: attempt + 1,
          delayMs
        })
      }
      try {
        await this.#cfg.sleep(delayMs, spec.signal)
      } catch {
        throw abortedError(spec)
      }
    }
  }

  async #attempt(spec: RequestSpec, streaming: boolean): Promise<{ res: Response; text: string }> {
    if (spec.signal?.aborted) throw abortedError(spec)
    const controller = new AbortController()
    let timedOut = false
    const onAbort = (): void => controller.abort()
    spec.signal?.addEventListener('abort', onAbort, { once: true })
    const timeoutMs = spec.timeoutMs ?? this.#cfg.timeoutMs
    const timer = setTimeout(() => {
      timedOut = true
      controller.abort()
    }, timeoutMs)
    // A streaming body keeps listening to the caller's signal after we return; nothing else does.
    let keepListening = false
    try {
      const res = await this.#cfg.fetch(this.url(spec.path, spec.query), {
        method: spec.method,
        headers: this.#headers(spec),
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal: controller.signal
      })
      const accepted = res.ok || (spec.acceptStatus?.(res.status) ?? false)
      if (streaming && accepted) {
        keepListening = true
        return { res, text: '' }
      }
      const text = spec.method === 'HEAD' ? '' : await res.text()
      if (!accepted) throw httpError(spec, res, text, this.#redact)
      return { res, text }
    } catch (err) {
      if (err instanceof ApiError) throw err
      if (spec.signal?.aborted) throw abortedError(spec)
      if (timedOut) throw timedOutError(spec, timeoutMs)
      throw networkError(spec, this.#cfg.baseUrl, err, this.#redact)
    } finally {
      clearTimeout(timer)
      if (!keepListening) spec.signal?.removeEventListener('abort', onAbort)
    }
  }

  #headers(spec: RequestSpec): Record<string, string> {
    const headers: Record<string, string> = { Accept: spec.accept ?? 'application/json' }
    if (!spec.anonymous) headers.Authorization = `Bearer ${this.#apiKey}`
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json'
    return headers
  }
}
