/**
 * Decides, before any WebSocket upgrade, whether a request may open the bridge: the right path,
 * the right token (compared in constant time), and no cross-origin page behind it.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/** Where the bridge lives. */
export const BRIDGE_PATH = '/bridge'

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string }

/**
 * Compares two tokens without leaking, through timing, how much of a guess was right. Hashing
 * first gives equal-length inputs, which `timingSafeEqual` needs, without revealing the length.
 */
export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0 || expected.length === 0) return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(given).digest()
  return timingSafeEqual(a, b)
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** True when `host` names this machine only (the default bind). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase())
}

export interface UpgradeGuardOptions {
  token: string
  /** The host the server was bound to: when loopback, the Host header must be loopback too. */
  boundHost: string
}

/**
 * Checks a bridge upgrade request. A missing Origin (a script, not a browser page) is allowed; a
 * present one must be exactly the origin the request was sent to. Bound to loopback, the Host
 * header must also be a loopback name, which defeats DNS rebinding of the page that holds the UI.
 */
export function checkUpgrade(req: IncomingMessage, options: UpgradeGuardOptions): UpgradeVerdict {
  let url: URL
  try {
    url = new URL(req.url ?? '/', 'http://bridge.invalid')
  } catch {
    return { ok: false, status: 400, reason: 'bad request' }
  }
  if (url.pathname !== BRIDGE_PATH) return { ok: false, status: 404, reason: 'not found' }
  if (!tokensMatch(options.token, url.searchParams.get('token'))) {
    return { ok: false, status: 401, reason: 'missing or wrong bridge token' }
  }

  const hostHeader = req.headers.host ?? ''
  if (isLoopbackHost(options.boundHost)) {
    const hostname = hostHeader.replace(/:\d+$/, '')
    if (!isLoopbackHost(hostname)) return { ok: false, status: 403, reason: 'unexpected Host header' }
  }
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${hostHeader}`) {
    return { ok: false, status: 403, reason: 'cross-origin bridge connections are refused' }
  }
  return { ok: true }
}
