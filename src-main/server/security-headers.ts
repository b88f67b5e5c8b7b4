/**
 * The page policy and response headers. The renderer is a static bundle that talks only to its own
 * origin (the WebSocket bridge included), so the policy starts from `default-src 'none'` and opens
 * exactly what the bundle needs. Both shells send it as a header: the headless shell here, the
 * Electron shell from its `switchboard://` protocol handler; index.html carries the same policy in
 * a meta tag (test/shell/shipped-csp.test.ts holds the built files to it).
 */
import type { ServerResponse } from 'node:http'

/** The directives, in order. `frame-ancestors` works only in a header; the meta tag leaves it out. */
export const PAGE_CSP_DIRECTIVES: readonly string[] = [
  "default-src 'none'",
  "script-src 'self'",
  // The dialog library's scroll lock (react-remove-scroll) injects a <style> element with computed
  // sizes, which no hash can name. Inline style cannot run script, and img-src/connect-src still
  // keep CSS from loading anything from elsewhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // A call recording plays from a blob: URL the renderer makes of the bytes the bridge brought.
  "media-src blob:",
  "font-src 'self'",
  // 'self' covers ws:// on the same host and port in current browsers: the bridge needs no more.
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'"
]

/** The Content-Security-Policy sent with every response (HTML and otherwise). */
export const HEADLESS_CSP = PAGE_CSP_DIRECTIVES.join('; ')

/** Sets the security headers shared by every response. */
export function applySecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', HEADLESS_CSP)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('X-Frame-Options', 'DENY')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}
