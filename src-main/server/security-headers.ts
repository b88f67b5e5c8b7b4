/**
 * Response headers for everything the headless shell serves. The renderer is a static bundle that
 * talks only to its own origin (the WebSocket bridge included), so the policy can start from
 * `default-src 'none'` and open exactly what the bundle needs.
 */
import type { ServerResponse } from 'node:http'

/** The Content-Security-Policy sent with every response (HTML and otherwise). */
export const HEADLESS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // A call recording plays from a blob: URL the renderer makes of the bytes the bridge brought.
  "media-src blob:",
  "font-src 'self'",
  // 'self' covers ws:// on the same host and port in current browsers: the bridge needs no more.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

/** Sets the security headers shared by every response. */
export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', HEADLESS_CSP)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}
