/**
 * When and how long to wait before retrying a request. Kept apart from the HTTP code so the
 * policy can be read (and tested) on its own.
 */

/** Waits `ms`, rejecting early if `signal` aborts. Injected in tests to record delays instead. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new Error('aborted'))
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason ?? new Error('aborted'))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/** HTTP statuses worth retrying: request timeout, rate limit, and server-side failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599)
}

/**
 * Methods that may be retried automatically. POST and PATCH are not: a retried `POST /v1/calls`
 * can ring someone twice and a retried `POST /v1/messages` can text them twice.
 */
export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'DELETE'
}

/**
 * Parses `Retry-After` (delta-seconds or an HTTP date) into whole seconds, or undefined when absent
 * or unreadable. A date in the past means "now" (0).
 */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined
  const value = header.trim()
  if (/^\d+(\.\d+)?$/.test(value)) return Math.ceil(Number(value))
  const date = Date.parse(value)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now) / 1000))
}

export interface BackoffOptions {
  /** First delay before jitter. */
  baseMs: number
  /** Largest computed delay before jitter. */
  maxMs: number
  /** 0..1 source of randomness; injectable so tests are deterministic. */
  random: () => number
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries from
 * many clients spread out but never collapse to zero.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const exp = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt)
  return Math.round(exp / 2 + (exp / 2) * opts.random())
}
