/**
 * Decides, before any WebSocket upgrade, whether a request may open the bridge: the right path,
 * the right token (compared in constant time), and no cross-origin page behind it.
 */
import type { IncomingMessage } from 'node:http'

/** Where the bridge lives. */
export const BRIDGE_PATH = '/bridge'

export type UpgradeVerdict = { ok: true } | { ok: false; status: 400 | 401 | 403 | 404; reason: string }

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1'])

/** True when `host` names this machine only (the default bind). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase())
}

export interface UpgradeGuardOptions {
  /** Whether a token opens the bridge (compared in constant time by the token store). */
  verifyToken(given: string | null): boolean
  /** The host the server was bound to: when loopback, the Host header must be loopback too. */
  boundHost: string
  /** Served over HTTPS (--tls-cert): a page's origin is https://. */
  tls?: boolean
  /** `--public-url`: the address people open through a reverse proxy; its host and origin are ours too. */
  publicUrl?: string
}

/**
 * Bound to loopback, the Host header must be a loopback name too (that defeats DNS rebinding), or
 * the public address a reverse proxy serves us under (`--public-url`).
 */
export function hostAllowed(req: IncomingMessage, boundHost: string, publicUrl?: string): boolean {
  if (!isLoopbackHost(boundHost)) return true
  const header = req.headers.host ?? ''
  if (publicUrl && header.toLowerCase() === new URL(publicUrl).host) return true
  return isLoopbackHost(header.replace(/:\d+$/, ''))
}

/** Where a tab asks whether its token is still accepted (the browser hides why an upgrade failed). */
export const TOKEN_CHECK_PATH = '/bridge/token'

/**
 * Answers `GET /bridge/token` with `Authorization: Bearer T`: 204 when T opens the bridge, 401 when
 * not. A WebSocket refused with 401 looks to a page exactly like a server that is down; this lets a
 * tab tell "restarted with a new token" from "still restarting". It reveals nothing a failed upgrade
 * would not.
 */
export function checkTokenRequest(req: IncomingMessage, options: UpgradeGuardOptions): 204 | 401 | 403 {
  if (!hostAllowed(req, options.boundHost, options.publicUrl)) return 403
  const auth = req.headers.authorization ?? ''
  const given = auth.startsWith('Bearer ') ? auth.slice(7) : null
  return options.verifyToken(given) ? 204 : 401
}

/**
 * Checks a bridge upgrade request. A missing Origin (a script, not a browser page) is allowed; a
 * present one must be the host the request was sent to. Bound to loopback, the Host
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
  if (!options.verifyToken(url.searchParams.get('token'))) {
    return { ok: false, status: 401, reason: 'missing or wrong bridge token' }
  }
  if (!hostAllowed(req, options.boundHost, options.publicUrl)) return { ok: false, status: 403, reason: 'unexpected Host header' }
  const hostHeader = req.headers.host ?? ''
  const origin = req.headers.origin
  // Behind a TLS reverse proxy (README) the page is https:// while this server speaks plain HTTP
  // to the proxy: the same host over https is the same page. Over our own TLS, http:// is not.
  const allowed = options.tls ? [`https://${hostHeader}`] : [`http://${hostHeader}`, `https://${hostHeader}`]
  if (options.publicUrl) allowed.push(new URL(options.publicUrl).origin)
  if (origin !== undefined && !allowed.includes(origin)) {
    return { ok: false, status: 403, reason: 'cross-origin bridge connections are refused' }
  }
  return { ok: true }
}
