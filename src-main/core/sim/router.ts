/** A tiny method + path router (`/v1/agents/:agentId`), first match wins in registration order. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import type { Account } from './account'
import { parseWith } from './http-errors'

export interface RouteContext {
  account: Account
  params: Record<string, string>
  query: Record<string, string>
  body: unknown
  req: IncomingMessage
  res: ServerResponse
  /** `http://host:port` as the client addressed the simulator, for absolute URLs in answers. */
  base: string
}

/** A handler's answer: a body sent as JSON with 200, a `Reply`, or `HANDLED` when it wrote `res` itself. */
export const HANDLED = Symbol('handled')
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown
  ) {}
}

export type Handler = (ctx: RouteContext) => unknown

interface Route {
  method: string
  regex: RegExp
  keys: string[]
  handler: Handler
}

export class Router {
  private readonly routes: Route[] = []

  add(method: string, pattern: string, handler: Handler): this {
    const keys: string[] = []
    const source = pattern
      .split('/')
      .map((seg) => {
        if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        keys.push(seg.slice(1))
        return '([^/]+)'
      })
      .join('/')
    this.routes.push({ method, regex: new RegExp(`^${source}$`), keys, handler })
    return this
  }

  get = (p: string, h: Handler): this => this.add('GET', p, h)
  post = (p: string, h: Handler): this => this.add('POST', p, h)
  patch = (p: string, h: Handler): this => this.add('PATCH', p, h)
  put = (p: string, h: Handler): this => this.add('PUT', p, h)
  delete = (p: string, h: Handler): this => this.add('DELETE', p, h)

  /** The matching route, `'method'` when only the method is wrong, or null. */
  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | 'method' | null {
    let pathMatched = false
    for (const r of this.routes) {
      const m = r.regex.exec(path)
      if (!m) continue
      pathMatched = true
      if (r.method !== method) continue
      const params: Record<string, string> = {}
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1] ?? '')))
      return { handler: r.handler, params }
    }
    return pathMatched ? 'method' : null
  }
}

/** Offset paging (`limit` default/max per endpoint, `offset` ≥ 0), validated like FastAPI does. */
export function offsetPaging(query: Record<string, string>, def = 20, max = 100): { limit: number; offset: number } {
  const schema = z.object({
    limit: z.coerce.number().int().min(1).max(max).default(def),
    offset: z.coerce.number().int().min(0).default(0)
  })
  return parseWith(schema, query, 'query')
}

export function page<T>(items: T[], p: { limit: number; offset: number }): { data: T[]; hasMore: boolean; total: number } {
  return { data: items.slice(p.offset, p.offset + p.limit), hasMore: p.offset + p.limit < items.length, total: items.length }
}

/** Cursor-by-time paging for message lists: newest first, `before`/`after` ISO times, no total. */
export function timePage<T>(items: T[], at: (t: T) => string, query: Record<string, string>, def = 50, max = 200): { data: T[]; hasMore: boolean } {
  const q = parseWith(
    z.object({
      limit: z.coerce.number().int().min(1).max(max).default(def),
      before: z.iso.datetime({ offset: true }).optional(),
      after: z.iso.datetime({ offset: true }).optional()
    }),
    query,
    'query'
  )
  const before = q.before ? Date.parse(q.before) : Infinity
  const after = q.after ? Date.parse(q.after) : -Infinity
  const kept = items.filter((t) => Date.parse(at(t)) < before && Date.parse(at(t)) > after)
  return { data: kept.slice(0, q.limit), hasMore: kept.length > q.limit }
}
