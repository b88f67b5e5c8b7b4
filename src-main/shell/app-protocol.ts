/**
 * Serves the packaged UI from `switchboard://app/`: only files under out/renderer, read-only, each
 * with the Content-Security-Policy as a real response header (a header applies here, unlike on
 * file:// loads, where only the page's meta tag would count).
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { resolve, sep } from 'node:path'
import type { Protocol } from 'electron'
import { contentTypeFor, resolveStaticPath } from '../server/static-files'
import { APP_HOST, APP_SCHEME } from './app-url'

/**
 * Call before `ready` (Electron allows it only then). Standard: relative URLs and an origin of its
 * own; secure: a secure context, which the Notification API needs; fetch and code cache for the
 * bundle's module scripts.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }])
}

function plain(status: number, text: string, csp: string): Response {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff' } })
}

/** The handler itself (a Fetch API Request in, a Response out), testable without Electron. */
export function createAppRequestHandler(rendererDir: string, csp: string): (request: Request) => Promise<Response> {
  const rootPromise = realpath(resolve(rendererDir)).catch(() => null)
  return async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return plain(404, 'not found\n', csp)
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed\n', csp)
    const root = await rootPromise
    if (!root) return plain(404, 'the renderer is not built (run npm run build)\n', csp)
    const candidate = resolveStaticPath(root, url.pathname)
    if (!candidate) return plain(400, 'bad path\n', csp)
    try {
      // realpath follows symlinks: a link inside out/renderer pointing elsewhere is refused too.
      const file = await realpath(candidate)
      if (!file.startsWith(root + sep) || !(await stat(file)).isFile()) return plain(404, 'not found\n', csp)
      const body = request.method === 'HEAD' ? null : await readFile(file)
      return new Response(body, {
        status: 200,
        headers: { 'Content-Type': contentTypeFor(file), 'Content-Security-Policy': csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' }
      })
    } catch {
      return plain(404, 'not found\n', csp)
    }
  }
}

/** Call after `ready`: answers every `switchboard://` request from out/renderer. */
export function handleAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir, csp))
}
