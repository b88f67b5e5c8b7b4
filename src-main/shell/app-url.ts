/**
 * Which URLs are "our app": the one place that decides it, used by the navigation guards and by
 * the IPC sender check. In development that is the Vite dev server's origin; packaged, the files
 * under out/renderer and nothing else on disk.
 */
import { fileURLToPath, pathToFileURL } from 'node:url'
import { resolve, sep } from 'node:path'

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
  /** out/renderer/index.html */
  rendererIndex: string
}

/** Builds the policy. A dev URL that is not http(s) on loopback is ignored rather than trusted. */
export function createAppUrlPolicy(options: AppUrlOptions): AppUrlPolicy {
  const dev = parseDevUrl(options.devUrl)
  if (dev) {
    return {
      entryUrl: dev.href,
      devOrigin: dev.origin,
      isAppUrl: (url) => safeUrl(url)?.origin === dev.origin
    }
  }
  const index = resolve(options.rendererIndex)
  const folder = resolve(index, '..') + sep
  return {
    entryUrl: pathToFileURL(index).href,
    devOrigin: null,
    isAppUrl(url) {
      const parsed = safeUrl(url)
      if (!parsed || parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return false
      try {
        // URL parsing has already collapsed "..", so a prefix check on the path is sound.
        return fileURLToPath(parsed).startsWith(folder)
      } catch {
        return false
      }
    }
  }
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

function parseDevUrl(devUrl: string | undefined): URL | null {
  if (!devUrl) return null
  const url = safeUrl(devUrl)
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname) ? url : null
}
