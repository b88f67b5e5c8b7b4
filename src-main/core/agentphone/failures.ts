/**
 * Building the ApiError for each way a request can fail. Every message that might carry server or
 * runtime text goes through `redact`, in case the key was echoed back (some servers quote the
 * header they refused).
 */
import { ApiError, codeForStatus, defaultMessage } from './errors'
import { parseErrorBody } from './error-body'
import type { RequestSpec } from './http'
import { parseRetryAfter } from './retry'

export type Redact = (text: string) => string

/** An HTTP answer outside 2xx: the server's message and code, whichever envelope it used. */
export function httpError(spec: RequestSpec, res: Response, text: string, redact: Redact): ApiError {
  const parsed = parseErrorBody(text, res.headers.get('content-type'))
  const retryAfterSeconds = parseRetryAfter(res.headers.get('retry-after'))
  return new ApiError({
    status: res.status,
    code: parsed.code ?? codeForStatus(res.status),
    method: spec.method,
    path: spec.path,
    message: redact(parsed.message ?? defaultMessage(res.status)),
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {})
  })
}

/** A 2xx whose body is not JSON or not the documented shape. */
export function invalidResponse(spec: RequestSpec, status: number, redact: Redact, why: string): ApiError {
  return new ApiError({
    status,
    code: 'invalid_response',
    method: spec.method,
    path: spec.path,
    message: redact(`AgentPhone sent an unexpected response to ${spec.method} ${spec.path} (${why})`)
  })
}

export function abortedError(spec: RequestSpec): ApiError {
  return new ApiError({ status: 0, code: 'aborted', method: spec.method, path: spec.path, message: 'The request to AgentPhone was cancelled' })
}

export function timedOutError(spec: RequestSpec, timeoutMs: number): ApiError {
  const within = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 100) / 10} s` : `${timeoutMs} ms`
  return new ApiError({
    status: 0,
    code: 'timeout',
    method: spec.method,
    path: spec.path,
    message: `AgentPhone did not answer ${spec.method} ${spec.path} within ${within}`
  })
}

/**
 * No HTTP answer at all. Only the low-level reason (ECONNREFUSED, ENOTFOUND…) is kept, never the
 * fetch error itself, whose cause chain could hold request details.
 */
export function networkError(spec: RequestSpec, baseUrl: string, err: unknown, redact: Redact): ApiError {
  let host = baseUrl
  try {
    host = new URL(baseUrl).host
  } catch {
    // Keep the raw base URL in the message.
  }
  return new ApiError({
    status: 0,
    code: 'network_error',
    method: spec.method,
    path: spec.path,
    message: redact(`Could not reach AgentPhone at ${host}: ${describe(err)}`)
  })
}

function describe(err: unknown): string {
  const cause = err instanceof Error ? (err as Error & { cause?: unknown }).cause : undefined
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code
  if (cause instanceof Error && cause.message) return cause.message
  return err instanceof Error && err.message ? err.message : 'network error'
}
