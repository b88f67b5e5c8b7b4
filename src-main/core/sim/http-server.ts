/**
 * The REST front door: Bearer auth (401), the per-key rate limit (429 + Retry-After), JSON bodies
 * (422 when not JSON), routing (404/405) and the error envelopes of agentphone-api.md §1.4.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Logger } from '../ports'
import type { Account } from './account'
import { HttpError } from './http-errors'
import type { RateLimiter } from './rate-limit'
import type { Router } from './router'
import { HANDLED, Reply } from './router'

const MAX_BODY = 1_000_000

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const bytes = Buffer.from(JSON.stringify(body === undefined ? null : body), 'utf8')
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(bytes.length), ...headers })
  res.end(bytes)
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY) throw new HttpError(413, 'Request body too large')
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(422, [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }])
  }
}

export interface FrontDoor {
  router: Router
  accounts: Map<string, Account>
  limiter: RateLimiter | null
  logger: Logger
  /** Serves `GET|HEAD /v1/calls/{id}/recording`, which needs no key (§1.2). */
  recording(callId: string, method: string, res: ServerResponse): void
  /** A request that may have changed state succeeded (the state file is written soon). */
  changed(): void
}

function bearer(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')
  return m?.[1]?.trim() ?? null
}

/** Paths that need no key: the recording URL is its own capability (§1.2). */
const RECORDING = /^\/v1\/calls\/([^/]+)\/recording$/

export function handleRequest(door: FrontDoor, req: IncomingMessage, res: ServerResponse): void {
  void dispatch(door, req, res).catch((err: unknown) => {
    if (res.headersSent) {
      res.destroy()
      return
    }
    if (err instanceof HttpError) {
      sendJson(res, err.status, { detail: err.detail }, err.headers)
      return
    }
    door.logger.error('simulator request failed', { error: err instanceof Error ? err.stack : String(err) })
    sendJson(res, 500, { detail: 'Internal server error' })
  })
}

async function dispatch(door: FrontDoor, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.local')
  const path = url.pathname.replace(/\/+$/, '') || '/'
  const method = (req.method ?? 'GET').toUpperCase()
  if (path === '/' || path === '/health') {
    sendJson(res, 200, { ok: true, service: 'agentphone-simulator' })
    return
  }
  const recording = RECORDING.exec(path)
  if (recording) {
    if (method !== 'GET' && method !== 'HEAD') throw new HttpError(405, 'Method Not Allowed')
    door.recording(decodeURIComponent(recording[1] ?? ''), method, res)
    return
  }

  const key = bearer(req)
  const account = key ? door.accounts.get(key) : undefined
  if (!account) throw new HttpError(401, 'Invalid or missing API key', { 'WWW-Authenticate': 'Bearer' })
  const wait = door.limiter?.take(account.apiKey) ?? null
  if (wait !== null) throw new HttpError(429, 'Rate limit exceeded. Retry later.', { 'Retry-After': String(wait) })

  if (account.takeFault(method, path)) throw new HttpError(503, 'Carrier error (simulated by the sandbox): the request was not carried out.')
  const found = door.router.match(method, path)
  if (found === null) throw new HttpError(404, 'Not Found')
  if (found === 'method') throw new HttpError(405, 'Method Not Allowed')
  const body = method === 'GET' || method === 'DELETE' ? undefined : await readBody(req)
  const query = Object.fromEntries(url.searchParams.entries())
  const base = `http://${req.headers.host ?? 'localhost'}`
  const out = await found.handler({ account, params: found.params, query, body, req, res, base })
  if (method !== 'GET') door.changed()
  if (out === HANDLED) return
  if (out instanceof Reply && out.status === 204) res.writeHead(204).end()
  else if (out instanceof Reply) sendJson(res, out.status, out.body)
  else sendJson(res, 200, out)
}
