import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, BridgeResult } from '../../../src-preload/contract'
import { MODE_KEY, RECEIVER_PORT_KEY } from '../../../src-main/core/live/keys'
import { memorySecrets, memoryStore, systemClock, type KeyValueStore } from '../../../src-main/core/ports'
import { startSessionHost, type SessionHost, type SessionHostOptions } from '../../../src-main/core/session-host'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { ok } from '../../helpers/bridge-result'

const API_KEY = 'sk_live_host_test_0123456789'
const cleanup: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo()
})

async function liveApi(): Promise<string> {
  const sim = new Simulator({ clock: systemClock, apiKeys: [API_KEY] })
  await sim.start()
  cleanup.push(() => sim.stop())
  return sim.url
}

/** Holds a port the way another program would. */
async function holdPort(port = 0): Promise<{ port: number; server: Server }> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  cleanup.push(() => new Promise((resolve) => server.close(resolve)))
  return { port: (server.address() as { port: number }).port, server }
}

async function freePort(): Promise<number> {
  const held = await holdPort()
  await new Promise((resolve) => held.server.close(resolve))
  return held.port
}

async function host(options: Partial<SessionHostOptions> & { settings?: KeyValueStore } = {}): Promise<SessionHost> {
  const started = await startSessionHost({
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-host-')),
    settings: memoryStore(),
    secrets: memorySecrets({ apiKey: API_KEY }),
    receiver: { port: 0 },
    mode: 'sandbox',
    ...options
  })
  cleanup.push(() => started.stop())
  return started
}

/** True when nothing listens at `url` any more (the session that held it let it go). */
async function refuses(url: string): Promise<boolean> {
  try {
    await fetch(url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(2000) })
    return false
  } catch {
    return true
  }
}

async function answers(url: string): Promise<boolean> {
  return !(await refuses(url))
}

describe('SessionHost', () => {
  it('switches sandbox → live → sandbox, releasing each session and saving the mode once it runs', async () => {
    const baseUrl = await liveApi()
    const settings = memoryStore()
    const h = await host({ settings, live: { baseUrl } })
    const sandbox = h.status()
    expect(sandbox.mode).toBe('sandbox')

    const live = ok(await h.invoke('app.switchMode', { mode: 'live' })) as AppStatus
    expect(live.mode).toBe('live')
    expect(live.baseUrl).toBe(baseUrl)
    expect(settings.get(MODE_KEY)).toBe('live')
    // The sandbox's simulator and receiver are gone, not left running beside the live session.
    expect(await refuses(sandbox.simulatorUrl!)).toBe(true)

    const back = ok(await h.invoke('app.switchMode', { mode: 'sandbox' })) as AppStatus
    expect(back.mode).toBe('sandbox')
    expect(settings.get(MODE_KEY)).toBe('sandbox')
    expect(await answers(back.receiverUrl)).toBe(true)
  })

  it('refuses a receiver port that is taken, keeps the running session and saves nothing', async () => {
    const settings = memoryStore()
    const h = await host({ settings })
    const before = h.status().receiverUrl
    const taken = await holdPort()

    const result = await h.invoke('app.configure', { receiverPort: taken.port })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.message).toContain(`Port ${taken.port}`)
    expect(settings.get(RECEIVER_PORT_KEY)).toBeUndefined()
    // The old session was brought back on its own port and still answers commands.
    expect(h.status().receiverUrl).toBe(before)
    expect(await answers(before)).toBe(true)
    expect(h.status().notice).toContain('back in sandbox mode')
    expect(ok(await h.invoke('calls.list', {}))).toEqual({ items: [], total: 0 })
  })

  it('moves the receiver to a free port the person chose, and remembers it', async () => {
    const settings = memoryStore()
    const h = await host({ settings })
    const port = await freePort()
    const status = ok(await h.invoke('app.configure', { receiverPort: port })) as AppStatus
    expect(status.receiverUrl).toBe(`http://127.0.0.1:${port}/webhook`)
    expect(settings.get(RECEIVER_PORT_KEY)).toBe(port)
  })

  it('runs two switches asked for at once one after the other: one session at the end, one journal writer', async () => {
    const baseUrl = await liveApi()
    const h = await host({ live: { baseUrl } })
    const seen: string[] = [h.status().receiverUrl]
    h.onEvent((e) => void (e.event === 'app.status' && seen.push(e.data.receiverUrl)))

    const [first, second] = await Promise.all([h.invoke('app.switchMode', { mode: 'live' }), h.invoke('app.switchMode', { mode: 'sandbox' })])
    expect(ok(first as BridgeResult<AppStatus>).mode).toBe('live')
    expect(ok(second as BridgeResult<AppStatus>).mode).toBe('sandbox')
    expect(h.status().mode).toBe('sandbox')
    // Every receiver but the current one is closed.
    const current = h.status().receiverUrl
    for (const url of new Set(seen)) if (url !== current) expect(await refuses(url)).toBe(true)

    // Whatever the sessions wrote went through one writer: sequence numbers are unique and in order.
    const { callId } = ok(await h.invoke('sandbox.dial', { to: h.status().sandbox!.number.phoneNumber })) as { callId: string }
    expect(callId).toMatch(/^call_/)
    const dataDir = (h as unknown as { base: { dataDir: string } }).base.dataDir
    await h.stop()
    const dir = path.join(dataDir, 'journal')
    const seqs: number[] = []
    for (const name of (await readdir(dir)).sort()) {
      for (const line of (await readFile(path.join(dir, name), 'utf8')).split('\n').filter(Boolean)) seqs.push((JSON.parse(line) as { seq: number }).seq)
    }
    expect(seqs.length).toBeGreaterThan(0)
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(seqs).size).toBe(seqs.length)
  })

  it('falls back to the sandbox when live cannot take its remembered port, and offers a free one', async () => {
    const baseUrl = await liveApi()
    const taken = await holdPort()
    const settings = memoryStore({ [MODE_KEY]: 'live', [RECEIVER_PORT_KEY]: taken.port })
    const h = await host({ settings, live: { baseUrl }, mode: undefined, receiver: {} })
    const status = h.status()
    expect(status.mode).toBe('sandbox')
    expect(status.portConflict?.port).toBe(taken.port)
    expect(status.portConflict?.suggestion).toBeGreaterThan(taken.port)
    expect(status.notice).toContain(`port ${taken.port}`)
    // Nothing moved behind the person's back: the remembered port and mode are as they were.
    expect(settings.get(RECEIVER_PORT_KEY)).toBe(taken.port)
    expect(settings.get(MODE_KEY)).toBe('live')

    // Switching to live while the port is still taken: refused, the sandbox comes back.
    const again = await h.invoke('app.switchMode', { mode: 'live' })
    expect(again.ok).toBe(false)
    expect(h.status().mode).toBe('sandbox')

    // Freed, live starts on the port the tunnel expects.
    await new Promise((resolve) => taken.server.close(resolve))
    const live = ok(await h.invoke('app.switchMode', { mode: 'live' })) as AppStatus
    expect(live.receiverUrl).toBe(`http://127.0.0.1:${taken.port}/webhook`)
    expect(live.portConflict).toBeNull()
  })

  it('starts the sandbox on another port when its remembered one is taken, and says so', async () => {
    const taken = await holdPort()
    const settings = memoryStore({ [RECEIVER_PORT_KEY]: taken.port })
    const h = await host({ settings, receiver: {} })
    const status = h.status()
    expect(status.mode).toBe('sandbox')
    expect(status.receiverUrl).not.toContain(`:${taken.port}/`)
    expect(status.notice).toContain(`Receiver port ${taken.port} is taken`)
    expect(settings.get(RECEIVER_PORT_KEY)).toBe(taken.port)
  })

  it('refuses operations after stop, and commands answer that it is not running', async () => {
    const h = await host()
    await h.stop()
    await h.stop()
    const switched = await h.invoke('app.switchMode', { mode: 'sandbox' })
    expect(switched.ok).toBe(false)
    const listed = await h.invoke('calls.list', {})
    expect(listed.ok).toBe(false)
  })
})
