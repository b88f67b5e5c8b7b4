/**
 * Serves the built renderer (out/web) read-only. Paths are resolved strictly inside the static
 * folder, after symlinks, so no request can read a file outside it.
 */
import { createReadStream } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { applySecurityHeaders } from './security-headers'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json'
}

/** The content type for a file name; unknown kinds are served as opaque bytes (with nosniff). */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Maps a URL path to a file inside `root` (already a real path), or null when the path is
 * malformed or would leave the folder. Does not touch the disk.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relative = decoded.replace(/^\/+/, '') || 'index.html'
  const full = resolve(root, relative)
  return full.startsWith(root + sep) ? full : null
}

function sendText(res: ServerResponse, status: number, text: string, head: boolean): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(head ? undefined : text)
}

/** The icons browsers ask for by name, served from resources/ (the page draws its count badge on them). */
export function faviconFiles(resourcesDir: string): Record<string, string> {
  return { '/favicon.ico': resolve(resourcesDir, 'favicon.ico'), '/favicon.svg': resolve(resourcesDir, 'favicon.svg') }
}

/** Creates the request handler for static files under `staticDir`, plus `extraFiles` by exact path. */
export function createStaticHandler(staticDir: string, extraFiles: Record<string, string> = {}): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  // Resolve the root's own symlinks once; a missing folder surfaces as 404s with a clear message.
  const rootPromise = realpath(resolve(staticDir)).catch(() => null)

  return async (req, res) => {
    applySecurityHeaders(res)
    const method = req.method ?? 'GET'
    const head = method === 'HEAD'
    if (method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD')
      return sendText(res, 405, 'method not allowed\n', head)
    }
    const pathname = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/'
    const extra = Object.prototype.hasOwnProperty.call(extraFiles, pathname) ? extraFiles[pathname] : undefined
    const root = await rootPromise
    if (!root && !extra) return sendText(res, 404, 'the renderer is not built (run npm run build)\n', head)

    const candidate = extra ?? (root ? resolveStaticPath(root, pathname) : null)
    if (!candidate) return sendText(res, 400, 'bad path\n', head)

    let file: string
    try {
      // realpath follows symlinks: a link inside out/web pointing elsewhere is refused too.
      file = await realpath(candidate)
      if (!extra && !file.startsWith(root + sep)) return sendText(res, 404, 'not found\n', head)
      const info = await stat(file)
      if (!info.isFile()) return sendText(res, 404, 'not found\n', head)
      res.statusCode = 200
      res.setHeader('Content-Type', contentTypeFor(file))
      res.setHeader('Content-Length', info.size)
      // Vite puts content-hashed files under assets/, which never change; everything else
      // (index.html names the current hashes) must be revalidated.
      const hashed = root !== null && file.startsWith(resolve(root, 'assets') + sep)
      res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    } catch {
      return sendText(res, 404, 'not found\n', head)
    }
    if (head) {
      res.end()
      return
    }
    const stream = createReadStream(file)
    stream.on('error', () => res.destroy())
    stream.pipe(res)
  }
}
