/**
 * Which URLs are "our app": the one place that decides it, used by the navigation guards, the IPC
 * sender check and the permission handlers. In development that is the Vite dev server's origin;
 * otherwise the app's own scheme, `switchboard://app/`, which serves out/renderer and nothing else
 * (Electron's checklist: a custom protocol, not file://, which could read any file on the disk).
 */

/** The privileged scheme the packaged UI is served from (registered in app-protocol.ts). */
export const APP_SCHEME = 'switchboard'
export const APP_HOST = 'app'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

export interface AppUrlPolicy {
  /** What the window loads first. */
  entryUrl: string
  /** True for URLs our window may show and our IPC may trust. */
  isAppUrl(url: string): boolean
  /** The dev server origin, when running under `electron-vite dev`. */
  devOrigin: string | null
}

export interface AppUrlOptions {
  /** ELECTRON_RENDERER_URL, set by electron-vite in development only. */
  devUrl?: string
}

/**
 * Scheme and host of a URL or origin string, e.g. `switchboard://app` (WHATWG URL gives custom
 * schemes the origin "null", so it is built by hand); null when it does not parse.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null
  } catch {
    return null
  }
}

/** Builds the policy. A dev URL that is not http(s) on loopback is ignored rather than trusted. */
export function createAppUrlPolicy(options: AppUrlOptions = {}): AppUrlPolicy {
  const dev = parseDevUrl(options.devUrl)
  const origin = dev ? dev.origin : APP_ORIGIN
  return {
    entryUrl: dev ? dev.href : `${APP_ORIGIN}/index.html`,
    devOrigin: dev ? dev.origin : null,
    isAppUrl: (url) => originOf(url) === origin
  }
}

function parseDevUrl(devUrl: string | undefined): URL | null {
  if (!devUrl) return null
  let url: URL
  try {
    url = new URL(devUrl)
  } catch {
    return null
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ? url : null
}
