import { CoreError } from '../errors'

/**
 * Machine-readable reasons an AgentPhone request failed. HTTP failures use the server's own
 * `error.code` when it sent one (e.g. `RATE_LIMIT_EXCEEDED`), otherwise a name derived from the status.
 */
export type ApiErrorCode =
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  | 'bad_request'
  | 'unauthorized'
  | 'payment_required'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation_error'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | (string & {})

/** What an ApiError is built from. */
export interface ApiErrorInit {
  status: number
  code: ApiErrorCode
  message: string
  method: string
  path: string
  retryAfterSeconds?: number
}

/**
 * One typed error for every way an AgentPhone call can fail. `status` is 0 when no HTTP answer
 * arrived (network error, timeout, cancellation). It holds only plain data — never the request, its
 * headers or the underlying fetch error — so it can be logged or serialised without leaking the key.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: ApiErrorCode
  readonly method: string
  readonly path: string
  readonly retryAfterSeconds?: number

  constructor(init: ApiErrorInit) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.method = init.method
    this.path = init.path
    if (init.retryAfterSeconds !== undefined) this.retryAfterSeconds = init.retryAfterSeconds
  }

  /** True for failures where no HTTP answer arrived. */
  get isNetwork(): boolean {
    return this.status === 0
  }

  toJSON(): ApiErrorInit & { name: string } {
    return {
      name: this.name,
      status: this.status,
      code: this.code,
      message: this.message,
      method: this.method,
      path: this.path,
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {})
    }
  }
}

const STATUS_CODES: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  402: 'payment_required',
  403: 'forbidden',
  404: 'not_found',
  408: 'timeout',
  409: 'conflict',
  422: 'validation_error',
  429: 'rate_limited'
}

/** The fallback code for an HTTP status when the body named none. */
export function codeForStatus(status: number): ApiErrorCode {
  return STATUS_CODES[status] ?? (status >= 500 ? 'server_error' : 'http_error')
}

const STATUS_TEXT: Record<number, string> = {
  401: 'AgentPhone did not accept the API key',
  402: 'AgentPhone needs a payment method or more balance for this',
  403: 'AgentPhone does not allow this',
  404: 'AgentPhone could not find that',
  429: 'AgentPhone is rate limiting requests; try again shortly'
}

/** A sentence for a status when the server sent no usable message. */
export function defaultMessage(status: number): string {
  return STATUS_TEXT[status] ?? (status >= 500 ? `AgentPhone had a server error (${status})` : `AgentPhone refused the request (${status})`)
}

/**
 * Maps any failure to the bridge's error shape. CoreErrors pass through; ApiErrors become
 * `api_error` with their status (when an HTTP answer arrived) and Retry-After; anything else is
 * `internal`, with its message only (stacks and causes stay in the main process).
 */
export function toCoreError(err: unknown): CoreError {
  if (err instanceof CoreError) return err
  if (err instanceof ApiError) {
    const extra: { status?: number; retryAfterSeconds?: number } = {}
    if (err.status > 0) extra.status = err.status
    if (err.retryAfterSeconds !== undefined) extra.retryAfterSeconds = err.retryAfterSeconds
    return new CoreError('api_error', err.message, extra)
  }
  const message = err instanceof Error && err.message ? err.message : 'Something went wrong talking to AgentPhone'
  return new CoreError('internal', message)
}
