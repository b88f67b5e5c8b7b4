import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { startHeadlessServer } from '../../src-main/server/headless-server'
import type { HeadlessServer } from '../../src-main/server/headless-server'
import { HEADLESS_CSP } from '../../src-main/server/security-headers'
import { fakeSession, turnEvent } from './helpers/fake-session'
import type { FakeSession } from './helpers/fake-session'

const SECRET = 'TOP-SECRET-OUTSIDE-STATIC'
let base: string
let session: FakeSession
let server: HeadlessServer
const sockets: WebSocket[] = []

beforeEach(async () => {
  base = mkdtempSync(join(tmpdir(), 'sb-server-'))
  const web = join(base, 'web')
  mkdirSync(join(web, 'assets'), { recursive: true })
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Switchboard</title>')
  writeFileSync(join(web, 'assets', 'app-123.js'), 'console.log(1)')
  writeFileSync(join(web, 'assets', 'app-123.css'), 'body{}')
  writeFileSync(join(base, 'secret.txt'), SECRET)
  symlinkSync(join(base, 'secret.txt'), join(web, 'link.txt'))
  session = fakeSession()
  server = await startHeadlessServer({ session, staticDir: web, token: 'right-token' })
})

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate()
  await server.close()
  rmSync(base, { recursive: true, force: true })
})

/** A raw GET, so paths like /../x reach the server unnormalised (fetch would clean them). */
function rawGet(path: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  const socket = new WebSocket(url, { headers })
  sockets.push(socket)
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket))
    socket.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)))
    socket.once('error', reject)
  })
}

/** Collects parsed messages; `next(n)` resolves once n more have arrived. */
function inbox(socket: WebSocket): { next(n?: number): Promise<unknown[]> } {
  const received: unknown[] = []
  let waiter: { count: number; resolve: (v: unknown[]) => void } | null = null
  socket.on('message', (data) => {
    received.push(JSON.parse(String(data)))
    if (waiter && received.length >= waiter.count) {
      const w = waiter
      waiter = null
      w.resolve(received.splice(0, w.count))
    }
  })
  return {
    next: (n = 1) =>
      new Promise((resolve) => {
        if (received.length >= n) resolve(received.splice(0, n))
        else waiter = { count: n, resolve }
      })
  }
}

describe('static files', () => {
  it('serves index.html for / with the strict CSP and nosniff', async () => {
    const res = await rawGet('/')
    expect(res.status).toBe(200)
    expect(res.body).toContain('<title>Switchboard</title>')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-security-policy']).toBe(HEADLESS_CSP)
    expect(HEADLESS_CSP).toMatch(/^default-src 'none'; script-src 'self';/)
    expect(HEADLESS_CSP).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('serves assets with their content types', async () => {
    const js = await rawGet('/assets/app-123.js?v=1')
    expect(js.status).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.body).toBe('console.log(1)')
    expect((await rawGet('/assets/app-123.css')).headers['content-type']).toBe('text/css; charset=utf-8')
    expect((await rawGet('/missing.js')).status).toBe(404)
  })

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/link.txt', '/%00index.html'])(
    'refuses to serve %s from outside the folder',
    async (path) => {
      const res = await rawGet(path)
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.body).not.toContain(SECRET)
    }
  )
})

describe('bridge admission', () => {
  it('refuses a missing or wrong token with 401 before upgrading', async () => {
    const bare = server.bridgeUrl.replace(/\?.*$/, '')
    await expect(connect(bare)).rejects.toThrow('status 401')
    await expect(connect(`${bare}?token=wrong-token`)).rejects.toThrow('status 401')
    await expect(connect(`${bare}?token=right-tokeN`)).rejects.toThrow('status 401')
    expect(session.listenerCount()).toBe(0)
  })

  it('refuses a foreign Origin with 403 and accepts its own', async () => {
    await expect(connect(server.bridgeUrl, { Origin: 'http://evil.example' })).rejects.toThrow('status 403')
    await expect(connect(server.bridgeUrl, { Origin: 'null' })).rejects.toThrow('status 403')
    await expect(connect(server.bridgeUrl, { Host: 'evil.example', Origin: 'http://evil.example' })).rejects.toThrow('status 403')
    const ok = await connect(server.bridgeUrl, { Origin: server.url })
    expect(ok.readyState).toBe(WebSocket.OPEN)
  })
})

describe('bridge protocol', () => {
  it('round-trips a command through the session', async () => {
    const socket = await connect(server.bridgeUrl)
    const box = inbox(socket)
    const params = { agentId: 'agt_1', toNumber: '+15550100' }
    socket.send(JSON.stringify({ id: 7, method: 'calls.place', params }))
    expect(await box.next()).toEqual([{ id: 7, result: { echo: { method: 'calls.place', params } } }])
    // The connection's identity rides along: a single-token server's client is the owner, never local.
    expect(session.invoke).toHaveBeenCalledWith('calls.place', params, { id: 'owner', name: 'Owner', role: 'owner', local: false })
  })

  it('returns session errors, and throws, as data', async () => {
    session.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'not_found', message: 'no such call' } })
    session.invoke.mockRejectedValueOnce(new Error('boom with internals'))
    const socket = await connect(server.bridgeUrl)
    const box = inbox(socket)
    socket.send(JSON.stringify({ id: 1, method: 'calls.get', params: { callId: 'call_x' } }))
    expect(await box.next()).toEqual([{ id: 1, error: { code: 'not_found', message: 'no such call' } }])
    socket.send(JSON.stringify({ id: 2, method: 'app.status' }))
    expect(await box.next()).toEqual([{ id: 2, error: { code: 'internal', message: 'internal error' } }])
    expect(session.invoke).toHaveBeenLastCalledWith('app.status', {}, expect.objectContaining({ id: 'owner' }))
  })

  it('answers malformed messages with errors and keeps serving', async () => {
    const socket = await connect(server.bridgeUrl)
    const box = inbox(socket)
    socket.send('not json')
    socket.send(JSON.stringify([1, 2]))
    socket.send(JSON.stringify({ method: 'app.status' }))
    socket.send(JSON.stringify({ id: '3', method: 'app.status' }))
    socket.send(JSON.stringify({ id: 4, method: 'no.such.method' }))
    socket.send(JSON.stringify({ id: 5, method: 'calls.get', params: ['call_1'] }))
    socket.send(JSON.stringify({ id: 6, method: 'toString' }))
    socket.send(Buffer.from('{}'), { binary: true })
    const answers = (await box.next(8)) as Array<{ id: unknown; error: { code: string } }>
    expect(answers.map((a) => [a.id, a.error.code])).toEqual([
      [null, 'invalid_params'],
      [null, 'invalid_params'],
      [null, 'invalid_params'],
      [null, 'invalid_params'],
      [4, 'unknown_method'],
      [5, 'invalid_params'],
      [6, 'unknown_method'],
      [null, 'invalid_params']
    ])
    expect(session.invoke).not.toHaveBeenCalled()
    socket.send(JSON.stringify({ id: 9, method: 'app.status', params: {} }))
    expect(await box.next()).toMatchObject([{ id: 9, result: { echo: { method: 'app.status' } } }])
  })

  it('closes a client that sends an oversized message', async () => {
    const socket = await connect(server.bridgeUrl)
    const code = new Promise<number>((resolve) => socket.once('close', (c) => resolve(c)))
    socket.send(JSON.stringify({ id: 1, method: 'app.status', params: { pad: 'x'.repeat(1024 * 1024 + 10) } }))
    expect(await code).toBe(1009)
    expect(session.invoke).not.toHaveBeenCalled()
  })

  it('pushes events in order, one message each, and unsubscribes on close', async () => {
    const socket = await connect(server.bridgeUrl)
    const box = inbox(socket)
    await new Promise((r) => setTimeout(r, 20))
    expect(session.listenerCount()).toBe(1)
    for (let n = 0; n < 500; n += 1) session.emit(turnEvent(n))
    const got = (await box.next(500)) as Array<{ event: string; data: { text: string } }>
    expect(got.map((m) => m.data.text)).toEqual(Array.from({ length: 500 }, (_, n) => `line ${n}`))
    expect(got.every((m) => m.event === 'transcript.turn')).toBe(true)
    const closed = new Promise<number>((resolve) => socket.once('close', (c) => resolve(c)))
    await server.close()
    expect(await closed).toBe(1001)
    expect(session.listenerCount()).toBe(0)
  })
})
