/**
 * Checks on the request line and headers that need no body: the cheap refusals that happen before
 * a single body byte is read, plus what to answer when Node's own HTTP parser gives up.
 */

/**
 * AgentPhone always sends `application/json` (agentphone-api.md §3.1). Anything else is refused
 * before the body is read: a form post or text body is never a delivery, and a charset other than
 * UTF-8 would make the signed bytes decode differently from what the sender meant.
 */
export function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false
  const semi = value.indexOf(';')
  const type = (semi < 0 ? value : value.slice(0, semi)).trim().toLowerCase()
  if (type !== 'application/json' && !(type.startsWith('application/') && type.endsWith('+json'))) return false
  if (semi < 0) return true
  const charset = /(?:^|;)\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(value.slice(semi))
  return charset === null || /^utf-?8$/i.test(charset[1] ?? '')
}

/** How a request Node's parser refused (server 'clientError') is answered and recorded. */
export interface ClientErrorAnswer {
  status: number
  reason: string
  /** Nobody to answer or record: the client went away, or never sent a byte. */
  silent: boolean
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }

export function clientErrorAnswer(error: Error & { code?: string }, bytesRead: number): ClientErrorAnswer {
  const code = error.code ?? ''
  if (code === 'ECONNRESET' || code === 'EPIPE') return { status: 0, reason: 'aborted', silent: true }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { status: 408, reason: 'headers_timeout', silent: bytesRead === 0 }
  if (code === 'HPE_HEADER_OVERFLOW') return { status: 431, reason: 'headers_too_large', silent: false }
  return { status: 400, reason: 'malformed_http', silent: false }
}

/** A complete raw HTTP answer for a socket that has no ServerResponse (the request never parsed). */
export function rawAnswer(status: number, reason: string): string {
  const body = JSON.stringify({ error: reason })
  return (
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
  )
}

/**
 * Method and path from whatever bytes arrived before the parser gave up, so the inspector can show
 * what was tried; empty strings when the request line itself was garbage.
 */
export function requestLineOf(raw: Buffer | undefined): { method: string; path: string } {
  if (!raw || raw.length === 0) return { method: '', path: '' }
  const head = raw.subarray(0, 2048).toString('latin1')
  const match = /^([A-Za-z-]{1,20}) (\S{1,1024}) HTTP\//.exec(head)
  return match ? { method: match[1]!, path: match[2]! } : { method: '', path: '' }
}
