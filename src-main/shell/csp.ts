/**
 * The window's Content-Security-Policy. Packaged, it is the page policy both shells share, sent as
 * a header by the `switchboard://` protocol handler. Under `electron-vite dev` the page comes from
 * Vite's http server, whose responses do pass webRequest, so the dev variant is set there.
 */
import type { Session } from 'electron'
import { PAGE_CSP_DIRECTIVES } from '../server/security-headers'

/** The packaged policy; the dev variant only adds what Vite's dev server needs. */
export function buildCsp(devOrigin: string | null): string {
  if (devOrigin === null) return PAGE_CSP_DIRECTIVES.join('; ')
  const wsOrigin = devOrigin.replace(/^http/, 'ws')
  return PAGE_CSP_DIRECTIVES.map((directive) => {
    // Vite injects an inline React-refresh preamble and talks HMR over a WebSocket; never packaged.
    if (directive.startsWith('script-src')) return "script-src 'self' 'unsafe-inline'"
    if (directive.startsWith('connect-src')) return `connect-src 'self' ${wsOrigin}`
    return directive
  }).join('; ')
}

/** Development only: installs the CSP (and nosniff) on every http response the session receives. */
export function installDevCsp(session: Pick<Session, 'webRequest'>, csp: string): void {
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
