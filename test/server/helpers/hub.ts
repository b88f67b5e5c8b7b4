import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { WebSocket, type ClientOptions } from 'ws'
import type { BridgeEvent, BridgeResult } from '../../../src-preload/contract'
import { AuditLog } from '../../../src-main/core/audit/audit-log'
import { memorySecrets, memoryStore, systemClock } from '../../../src-main/core/ports'
import { startSessionHost, type SessionHost } from '../../../src-main/core/session-host'
import { startHeadlessServer, type HeadlessServer, type HeadlessServerOptions } from '../../../src-main/server/headless-server'
import { TokenStore } from '../../../src-main/server/token-store'

export interface Hub {
  server: HeadlessServer
  host: SessionHost
  tokens: TokenStore
  dataDir: string
  stop(): Promise<void>
}

/** A real sandbox core behind a real headless server with a team (token store) in a temp folder. */
export async function startHub(options: { claimIdleMs?: number; server?: Partial<HeadlessServerOptions> } = {}): Promise<Hub> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-hub-'))
  const web = path.join(dataDir, 'web')
  await import('node:fs/promises').then((fs) => fs.mkdir(web))
  await writeFile(path.join(web, 'index.html'), '<!doctype html><title>Switchboard</title>')
  const audit = new AuditLog({ dir: dataDir, clock: systemClock })
  const host = await startSessionHost({
    dataDir,
    settings: memoryStore(),
    secrets: memorySecrets(),
    receiver: { port: 0 },
    mode: 'sandbox',
    audit,
    ...(options.claimIdleMs ? { claimIdleMs: options.claimIdleMs } : {})
  })
  const tokens = TokenStore.open({ dataDir })
  const server = await startHeadlessServer({ session: host, staticDir: web, tokens, audit, ...options.server })
  return {
    server,
    host,
    tokens,
    dataDir,
    async stop() {
      await server.close()
      await host.stop()
    }
  }
}

/** One browser-like bridge client: calls, pushed events, and how it was closed. */
export interface Client {
  socket: WebSocket
  call<T = unknown>(method: string, params?: Record<string, unknown>): Promise<BridgeResult<T>>
  /** Resolves with the first pushed event of that name matching `match`. */
  event<T = Record<string, unknown>>(name: string, match?: (data: T) => boolean): Promise<T>
  closed: Promise<{ code: number; reason: string; at: number }>
}

export function bridgeUrlFor(server: HeadlessServer, token: string): string {
  const url = new URL(server.bridgeUrl)
  url.searchParams.set('token', token)
  return url.toString()
}

/** Opens the bridge with `token`, sending the Origin a page on the hub would send. */
export async function connectAs(server: HeadlessServer, token: string, extra: ClientOptions = {}): Promise<Client> {
  const socket = new WebSocket(bridgeUrlFor(server, token), { origin: server.url, ...extra })
  const events: BridgeEvent[] = []
  const waiters = new Set<() => void>()
  const answers = new Map<number, (r: BridgeResult<unknown>) => void>()
  let nextId = 1
  socket.on('message', (raw) => {
    const msg = JSON.parse(String(raw)) as { id?: number; result?: unknown; error?: BridgeResult<never> extends { error: infer E } ? E : never; event?: string; data?: unknown }
    if (typeof msg.event === 'string') {
      events.push({ event: msg.event, data: msg.data } as BridgeEvent)
      for (const wake of [...waiters]) wake()
      return
    }
    if (typeof msg.id !== 'number') return
    const resolve = answers.get(msg.id)
    answers.delete(msg.id)
    resolve?.(msg.error ? { ok: false, error: msg.error } : { ok: true, value: msg.result })
  })
  const closed = new Promise<{ code: number; reason: string; at: number }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString(), at: Date.now() }))
  )
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve())
    socket.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)))
    socket.once('error', reject)
  })
  return {
    socket,
    closed,
    call(method, params = {}) {
      const id = nextId++
      return new Promise((resolve) => {
        answers.set(id, resolve as (r: BridgeResult<unknown>) => void)
        socket.send(JSON.stringify({ id, method, params }))
      })
    },
    event<T>(name: string, match: (data: T) => boolean = () => true) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${name} event; saw ${events.map((e) => e.event).join(', ')}`)), 10_000)
        const check = (): void => {
          const found = events.find((e) => e.event === name && match(e.data as T))
          if (!found) return
          clearTimeout(timer)
          waiters.delete(check)
          resolve(found.data as T)
        }
        waiters.add(check)
        check()
      })
    }
  }
}

export function value<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}
