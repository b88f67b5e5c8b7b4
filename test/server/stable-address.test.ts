import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import type { AppStatus } from '../../src-preload/contract'
import type { Logger } from '../../src-main/core/ports'
import { parseCliArgs, type ServeArgs } from '../../src-main/server/cli-args'
import { runServe, type Running } from '../../src-main/server/cli-commands'
import { confSettingsStore } from '../../src-main/server/headless-stores'
import { TOKENS_FILE, TokenStore } from '../../src-main/server/token-store'
import { UI_PORT_KEY } from '../../src-main/server/ui-listener'
import { fakeSession } from './helpers/fake-session'

let dir: string
const running: Running[] = []
const held: Server[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sb-stable-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html>')
})
afterEach(async () => {
  for (const r of running.splice(0)) await r.stop()
  for (const s of held.splice(0)) await new Promise((resolve) => s.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

async function hold(port = 0): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  held.push(server)
  return (server.address() as { port: number }).port
}

async function freePort(): Promise<number> {
  const port = await hold()
  await new Promise((resolve) => held.pop()!.close(resolve))
  return port
}

const status = { mode: 'sandbox', receiverUrl: 'http://127.0.0.1:1/webhook', simulatorUrl: null, notice: null } as unknown as AppStatus

async function serve(flags: string[] = [], logger: Logger = { info() {}, warn: vi.fn(), error() {} }) {
  const lines: string[] = []
  const args = parseCliArgs(['serve', '--data-dir', join(dir, 'data'), ...flags]) as ServeArgs
  const r = await runServe(args, {
    startSession: async () => Object.assign(fakeSession(), { status: () => status }),
    staticDir: dir,
    env: {},
    logger,
    printLine: (line) => lines.push(line)
  })
  running.push(r)
  return { ready: JSON.parse(lines[0]!) as { ui: string; bridge: string }, running: r, logger }
}

async function stop(r: Running): Promise<void> {
  running.splice(running.indexOf(r), 1)
  await r.stop()
}

function upgrade(url: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url)
    socket.once('open', () => {
      socket.close()
      resolve(101)
    })
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
    socket.once('error', () => resolve(0))
  })
}

async function tokenCheck(ui: string, token: string): Promise<number> {
  const res = await fetch(new URL('/bridge/token', ui), { headers: { authorization: `Bearer ${token}` } })
  return res.status
}

const tokenOf = (bridge: string) => new URL(bridge).searchParams.get('token')!

describe('a stable address across restarts', () => {
  it('comes back on the same port with the same token, so an open tab reconnects', async () => {
    const port = await freePort()
    confSettingsStore(join(dir, 'data')).set(UI_PORT_KEY, port)
    const first = await serve()
    expect(new URL(first.ready.ui).port).toBe(String(port))
    await stop(first.running)

    const second = await serve()
    expect(second.ready.ui).toBe(first.ready.ui)
    expect(await upgrade(first.ready.bridge)).toBe(101)
    expect(await tokenCheck(second.ready.ui, tokenOf(first.ready.bridge))).toBe(204)
    // The token file is the owner's alone, and the data folder too.
    expect(statSync(join(dir, 'data', TOKENS_FILE)).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700)
  })

  it('--new-token refuses the old address: the bridge says 401 and the token check tells the tab', async () => {
    const first = await serve(['--port', '0'])
    await stop(first.running)
    const second = await serve(['--port', '0', '--new-token'])
    const oldToken = tokenOf(first.ready.bridge)
    expect(tokenOf(second.ready.bridge)).not.toBe(oldToken)
    const oldBridge = new URL(second.ready.bridge)
    oldBridge.searchParams.set('token', oldToken)
    expect(await upgrade(oldBridge.toString())).toBe(401)
    expect(await tokenCheck(second.ready.ui, oldToken)).toBe(401)
    expect(await tokenCheck(second.ready.ui, tokenOf(second.ready.bridge))).toBe(204)
    expect(second.logger.warn).toHaveBeenCalledWith(expect.stringContaining('new owner token'))
  })

  it('moves off a remembered port another program took, says so, and remembers the new one', async () => {
    const taken = await hold()
    confSettingsStore(join(dir, 'data')).set(UI_PORT_KEY, taken)
    const { ready, logger } = await serve()
    const port = Number(new URL(ready.ui).port)
    expect(port).not.toBe(taken)
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining(`port ${taken} is taken`))
    expect(confSettingsStore(join(dir, 'data')).get(UI_PORT_KEY)).toBe(port)
  })

  it('refuses an explicit --port that is taken, with a clear message', async () => {
    const taken = await hold()
    await expect(serve(['--port', String(taken)])).rejects.toThrow(`Port ${taken} for the UI is already in use`)
  })

  it('--port 0 takes any free port and does not remember it', async () => {
    await serve(['--port', '0'])
    expect(confSettingsStore(join(dir, 'data')).get(UI_PORT_KEY)).toBeUndefined()
  })
})

describe('TokenStore', () => {
  it('keeps an unreadable token file aside and makes a new token', () => {
    const data = join(dir, 'tokens')
    const first = TokenStore.open({ dataDir: data })
    writeFileSync(join(data, TOKENS_FILE), '{"version": 1, "tok')
    const warn = vi.fn()
    const second = TokenStore.open({ dataDir: data, logger: { info() {}, warn, error() {} } })
    expect(second.primary.token).not.toBe(first.primary.token)
    expect(second.verify(first.primary.token)).toBeNull()
    expect(second.verify(second.primary.token)?.id).toBe('owner')
    const aside = readdirSync(data).find((name) => name.startsWith(`${TOKENS_FILE}.unreadable-`))
    expect(aside).toBeDefined()
    expect(readFileSync(join(data, aside!), 'utf8')).toBe('{"version": 1, "tok')
    expect(warn).toHaveBeenCalled()
  })
})
