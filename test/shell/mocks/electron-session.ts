/**
 * `session.defaultSession` and `protocol` as Electron documents them: the default session exists only
 * after `ready`; webRequest sees http(s) responses and never file:// ones; custom schemes are
 * registered privileged before `ready` and handled after it; permissions go through the two
 * handlers with Electron's arguments (and are granted when no handler is set).
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { globals, requireReady, singleton } from './electron-state'
import type { MockWebContents } from './electron-window'

type Headers = Record<string, string | string[]>
type HeadersListener = (details: { url: string; responseHeaders?: Headers }, callback: (response: { responseHeaders?: Headers; cancel?: boolean }) => void) => void
type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void
type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean
type ProtocolHandler = (request: Request) => Response | Promise<Response>
export interface Privileged {
  scheme: string
  privileges?: Record<string, boolean>
}

const state = singleton(
  'session',
  () => ({
    headersListener: null as HeadersListener | null,
    permissionRequestHandler: null as RequestHandler | null,
    permissionCheckHandler: null as CheckHandler | null,
    privileged: null as Privileged[] | null,
    handlers: new Map<string, ProtocolHandler>(),
    /** Notifications that reached the desktop. */
    notifications: [] as Array<{ title: string; origin: string }>
  }),
  (s) => {
    s.headersListener = null
    s.permissionRequestHandler = null
    s.permissionCheckHandler = null
    s.privileged = null
    s.handlers.clear()
    s.notifications.length = 0
  }
)

export const protocol = {
  /** Before ready, once (Electron: "can only be used before the ready event"). */
  registerSchemesAsPrivileged(schemes: Privileged[]): void {
    if (globals().ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    state.privileged = schemes
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    requireReady('protocol.handle')
    if (state.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
    state.handlers.set(scheme, handler)
  },
  isProtocolHandled: (scheme: string) => state.handlers.has(scheme),
  get privileged(): Privileged[] | null {
    return state.privileged
  }
}

const defaultSession = {
  webRequest: {
    onHeadersReceived(listener: HeadersListener): void {
      state.headersListener = listener
    }
  },
  protocol,
  setPermissionRequestHandler(handler: RequestHandler | null): void {
    state.permissionRequestHandler = handler
  },
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    state.permissionCheckHandler = handler
  },
  get headersListener(): HeadersListener | null {
    return state.headersListener
  },
  get permissionRequestHandler(): RequestHandler | null {
    return state.permissionRequestHandler
  },
  get permissionCheckHandler(): CheckHandler | null {
    return state.permissionCheckHandler
  },
  get notifications() {
    return state.notifications
  }
}

export const session = {
  /** Electron: "only available after app.whenReady"; reading it earlier throws. */
  get defaultSession(): typeof defaultSession {
    requireReady('session.defaultSession')
    return defaultSession
  }
}

/** The origin Chromium hands the handlers, e.g. `switchboard://app/` (GURL spec: a trailing slash). */
function originOf(url: string): string {
  const parsed = new URL(url)
  return `${parsed.protocol}//${parsed.host}/`
}

/** What a page's `Notification.permission` reads: the check handler decides (null webContents, always). */
export function notificationPermission(pageUrl: string): 'granted' | 'denied' {
  const check = state.permissionCheckHandler
  if (!check) return 'granted'
  return check(null, 'notifications', originOf(pageUrl), { requestingUrl: pageUrl, isMainFrame: true }) ? 'granted' : 'denied'
}

/** A page asks for `permission` (e.g. `Notification.requestPermission()`): the request handler decides. */
export function requestPermission(contents: MockWebContents, permission: string, pageUrl: string, extra: Record<string, unknown> = {}): Promise<boolean> {
  const handler = state.permissionRequestHandler
  if (!handler) return Promise.resolve(true)
  return new Promise((resolve) => handler(contents, permission, resolve, { requestingUrl: pageUrl, isMainFrame: true, ...extra }))
}

/** `new Notification(title)` in a page: Electron asks the request handler before each display. */
export async function showPageNotification(contents: MockWebContents, pageUrl: string, title: string): Promise<boolean> {
  const granted = await requestPermission(contents, 'notifications', pageUrl)
  if (granted) state.notifications.push({ title, origin: originOf(pageUrl) })
  return granted
}

/**
 * How Chromium fetches a top-level page: a handled custom scheme through its handler; http(s)
 * through webRequest's onHeadersReceived; file:// straight from disk, past webRequest.
 */
export async function loadThroughSession(url: string): Promise<{ ok: boolean; csp: string | null }> {
  const scheme = new URL(url).protocol.slice(0, -1)
  const handler = state.handlers.get(scheme)
  if (handler) {
    const response = await handler(new Request(url))
    return { ok: response.ok, csp: response.headers.get('content-security-policy') }
  }
  if (scheme === 'file') return { ok: existsSync(fileURLToPath(url)), csp: null }
  if (scheme === 'http' || scheme === 'https') {
    let headers: Headers = {}
    state.headersListener?.({ url, responseHeaders: {} }, (r) => (headers = r.responseHeaders ?? {}))
    const csp = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-security-policy')?.[1]
    return { ok: true, csp: csp === undefined ? null : String(csp) }
  }
  return { ok: false, csp: null }
}
