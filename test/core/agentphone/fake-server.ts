import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { IncomingHttpHeaders, ServerResponse } from 'node:http'
import type { AgentPhoneClientOptions } from '../../../src-main/core/agentphone/client'
import { AgentPhoneClient } from '../../../src-main/core/agentphone/client'

/** The key every test uses; assertions check it never leaks. */
export const API_KEY = 'sk_live_TESTKEY_4f9a2c7e1b'

export interface Seen {
  method: string
  url: string
  path: string
  query: URLSearchParams
  headers: IncomingHttpHeaders
  body: string
}

export type Handler = (req: Seen, res: ServerResponse, n: number) => void | Promise<void>

export interface FakeServer {
  url: string
  requests: Seen[]
  close(): Promise<void>
}

/** A throwaway AgentPhone stand-in on port 0 that records every request it gets. */
export async function startServer(handler: Handler): Promise<FakeServer> {
  const requests: Seen[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const u = new URL(req.url ?? '/', 'http://x')
      const seen: Seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        path: u.pathname,
        query: u.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(seen)
      void Promise.resolve(handler(seen, res, requests.length)).catch((err: unknown) => {
        res.statusCode = 599
        res.end(String(err))
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** Sends a JSON answer. */
export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

/** A client pointed at `server`, with sleeps recorded instead of waited. */
export function clientFor(server: FakeServer, extra: Partial<AgentPhoneClientOptions> = {}) {
  const sleeps: number[] = []
  const client = new AgentPhoneClient({
    baseUrl: `${server.url}/`,
    apiKey: API_KEY,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms)
    },
    ...extra
  })
  return { client, sleeps }
}

/** Runs `fn` and answers what it threw (failing the test if it did not throw). */
export async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn()
  } catch (err) {
    return err
  }
  throw new Error('expected the call to throw')
}
