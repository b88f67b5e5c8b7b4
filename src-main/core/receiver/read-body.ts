import type { IncomingMessage } from 'node:http'
import type { Clock, Timer } from '../ports'

export type BodyResult =
  | { ok: true; body: Buffer }
  | { ok: false; reason: 'body_too_large' | 'body_timeout' | 'aborted' | 'malformed_body' }

/**
 * Emitted on the request by the receiver when Node's parser fails inside the body (say, a bad
 * chunk size): the request then never ends, and the reader answers 400 instead of waiting.
 */
export const BODY_MALFORMED = 'switchboard:body-malformed'

export interface ReadBodyOptions {
  maxBytes: number
  /** Longest gap allowed between two chunks: a slow-drip client cannot hold the socket forever. */
  idleTimeoutMs: number
  /** Most time the whole body may take, however steadily it drips in. */
  totalTimeoutMs: number
  clock: Clock
}

/**
 * Reads the raw request body (the signature covers these exact bytes). Stops at the first byte past
 * `maxBytes`, or at once when Content-Length already says so; the caller answers 413 and closes.
 */
export function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    req.pause()
    return Promise.resolve({ ok: false, reason: 'body_too_large' })
  }
  return new Promise<BodyResult>((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    let idle: Timer | undefined
    let done = false
    const total = options.clock.after(options.totalTimeoutMs, () => finish({ ok: false, reason: 'body_timeout' }))

    const finish = (result: BodyResult): void => {
      if (done) return
      done = true
      idle?.cancel()
      total.cancel()
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('close', onClose)
      req.off(BODY_MALFORMED, onMalformed)
      if (!result.ok) req.pause()
      resolve(result)
    }
    const arm = (): void => {
      idle?.cancel()
      idle = options.clock.after(options.idleTimeoutMs, () => finish({ ok: false, reason: 'body_timeout' }))
    }
    const onData = (chunk: Buffer): void => {
      size += chunk.length
      if (size > options.maxBytes) return finish({ ok: false, reason: 'body_too_large' })
      chunks.push(chunk)
      arm()
    }
    const onEnd = (): void => finish({ ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) })
    const onClose = (): void => finish({ ok: false, reason: 'aborted' })
    const onMalformed = (): void => finish({ ok: false, reason: 'malformed_body' })

    req.on('data', onData)
    req.on('end', onEnd)
    req.on('close', onClose)
    req.on(BODY_MALFORMED, onMalformed)
    arm()
  })
}
