/** Test helpers: a simulator on port 0, a tiny local webhook server, and a JSON fetch. */
import http from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { systemClock } from '../../../src-main/core/ports'
import { Simulator } from '../../../src-main/core/sim/simulator'
import type { SimulatorOptions } from '../../../src-main/core/sim/types'

export const KEY = 'sk_test_alpha'
export const OTHER_KEY = 'sk_test_beta'

export interface Hit {
  path: string
  headers: http.IncomingHttpHeaders
  raw: Buffer
  json: Record<string, unknown>
}

export type HookHandler = (hit: Hit, res: ServerResponse, req: IncomingMessage) => void

/** A local webhook server: records every request; `handler` answers (200 `{}` by default). */
export async function startHook(handler?: HookHandler): Promise<{ url: string; hits: Hit[]; setHandler(h: HookHandler): void; close(): Promise<void> }> {
  const hits: Hit[] = []
  let current: HookHandler = handler ?? ((_hit, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'))
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks)
      let json: Record<string, unknown> = {}
      try {
        json = JSON.parse(raw.toString('utf8')) as Record<string, unknown>
      } catch {
        // recorded as is
      }
      const hit = { path: req.url ?? '/', headers: req.headers, raw, json }
      hits.push(hit)
      current(hit, res, req)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hook`,
    hits,
    setHandler: (h) => (current = h),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

export interface SimHandle {
  sim: Simulator
  url: string
  // Tests read deep into many different answer shapes; typing each one would only restate them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  api(method: string, path: string, body?: unknown, key?: string | null): Promise<{ status: number; headers: Headers; body: any }>
}

export async function startSim(options: Partial<SimulatorOptions> = {}): Promise<SimHandle> {
  const sim = new Simulator({ clock: systemClock, apiKeys: [KEY, OTHER_KEY], retryDelaysMs: [20, 20, 20, 20, 20], ...options })
  const { url } = await sim.start()
  const api: SimHandle['api'] = async (method, path, body, key = KEY) => {
    const headers: Record<string, string> = {}
    if (key) headers.Authorization = `Bearer ${key}`
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
    const text = await res.text()
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined }
  }
  return { sim, url, api }
}

export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 3000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > until) throw new Error('waitFor timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Answers a voice delivery with NDJSON lines, each written as its own chunk. */
export function ndjson(res: ServerResponse, lines: string[], gapMs = 5): void {
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson' })
  let i = 0
  const next = (): void => {
    if (i >= lines.length) {
      res.end()
      return
    }
    res.write(`${lines[i++]}\n`)
    setTimeout(next, gapMs)
  }
  next()
}
