/**
 * The window's Content-Security-Policy, applied to every response through the session's
 * webRequest hook (the renderer's index.html should carry the same policy in a meta tag, since
 * file:// loads do not always pass through webRequest).
 */
import type { Session } from 'electron'

/** The packaged policy; the dev variant only adds what Vite's dev server needs. */
export function buildCsp(devOrigin: string | null): string {
  const dev = devOrigin !== null
  const wsOrigin = devOrigin?.replace(/^http/, 'ws')
  return [
    "default-src 'none'",
    // Vite injects an inline React-refresh preamble in dev; never in the packaged app.
    dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    // A call recording plays from a blob: URL the renderer makes of the bytes the bridge brought.
    "media-src blob:",
    "font-src 'self'",
    dev ? `connect-src 'self' ${wsOrigin}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'"
  ].join('; ')
}

/** Installs the CSP (and nosniff) on every response the session receives. */
export function installCsp(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      // Drop any policy a response brought along: ours is the only one.
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [csp]
    headers['X-Content-Type-Options'] = ['nosniff']
    callback({ responseHeaders: headers })
  })
}
