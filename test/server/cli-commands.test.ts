import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import type { AppStatus } from '../../src-preload/contract'
import { silentLogger, systemClock } from '../../src-main/core/ports'
import { Simulator } from '../../src-main/core/sim/simulator'
import { savedApiKeys } from '../../src-main/core/sim/state-store'
import type { SessionHostOptions } from '../../src-main/core/session-host'
import { parseCliArgs } from '../../src-main/server/cli-args'
import type { ServeArgs, SimArgs } from '../../src-main/server/cli-args'
import { runServe, runSim } from '../../src-main/server/cli-commands'
import type { SimOptions } from '../../src-main/server/cli-commands'
import { confSettingsStore, fileSecretStore } from '../../src-main/server/headless-stores'
import { fakeSession } from './helpers/fake-session'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sb-cli-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html>')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function status(mode: 'sandbox' | 'live'): AppStatus {
  // Only the fields the CLI reads matter; the cast keeps this fake stable as the contract grows.
  return {
    mode,
    version: '0.1.0',
    receiverUrl: 'http://127.0.0.1:4444/webhook',
    simulatorUrl: mode === 'sandbox' ? 'http://127.0.0.1:5555' : null,
    baseUrl: null,
    sandbox: null,
    turnTimeoutSeconds: 30,
    startedAt: new Date(0).toISOString()
  } as AppStatus
}

async function serve(env: NodeJS.ProcessEnv) {
  const session = fakeSession()
  const stop = vi.spyOn(session, 'stop')
  let options: SessionHostOptions | undefined
  const lines: string[] = []
  const args = { ...(parseCliArgs(['serve', '--port', '0', '--data-dir', join(dir, 'data')]) as ServeArgs), receiverPort: 4444 }
  const running = await runServe(args, {
    startSession: async (o) => {
      options = o
      // Reports the mode the host would pick (its rule is tested in core/session/session-host.test.ts).
      return Object.assign(session, { status: () => status(o.mode ?? (o.env?.AGENTPHONE_API_KEY ? 'live' : 'sandbox')) })
    },
    staticDir: dir,
    env,
    logger: silentLogger,
    printLine: (line) => lines.push(line)
  })
  return { running, lines, options: options as SessionHostOptions, stop }
}

describe('runServe', () => {
  it('starts sandbox without a key and prints one ready line that works', async () => {
    const { running, lines, options, stop } = await serve({})
    expect(options.mode).toBeUndefined()
    expect(options.dataDir).toBe(join(dir, 'data'))
    expect(options.receiver).toEqual({ port: 4444 })
    expect(lines).toHaveLength(1)
    const ready = JSON.parse(lines[0] ?? '') as Record<string, string>
    expect(Object.keys(ready).sort()).toEqual(['bridge', 'ready', 'receiver', 'simulator', 'ui'])
    expect(ready.receiver).toBe('http://127.0.0.1:4444/webhook')
    expect(ready.simulator).toBe('http://127.0.0.1:5555')
    const token = new URL(ready.bridge ?? '').searchParams.get('token') ?? ''
    expect(token).toMatch(/^[0-9a-f]{64}$/)
    expect(ready.ui).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#token=${token}$`))
    const socket = new WebSocket(ready.bridge ?? '')
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    socket.close()
    await running.stop()
    expect(stop).toHaveBeenCalledOnce()
  })

  it('hands the environment to the core, which decides the mode, and leaves out the simulator in live mode', async () => {
    const { running, lines, options } = await serve({ AGENTPHONE_API_KEY: 'sk_live_x' })
    // The shell decides nothing: no mode, and the file store does not read the environment.
    expect(options.mode).toBeUndefined()
    expect(options.env?.AGENTPHONE_API_KEY).toBe('sk_live_x')
    expect(options.secrets?.get('apiKey')).toBeUndefined()
    expect(options.live).toEqual({ baseUrl: 'https://api.agentphone.ai' })
    expect(JSON.parse(lines[0] ?? '')).not.toHaveProperty('simulator')
    await running.stop()
  })
})

describe('headless stores', () => {
  it('keeps settings in conf with literal keys', () => {
    const store = confSettingsStore(dir)
    store.set('settings.v1', { theme: 'dark' })
    store.set('gone', 1)
    store.set('gone', undefined)
    expect(confSettingsStore(dir).get('settings.v1')).toEqual({ theme: 'dark' })
    expect(confSettingsStore(dir).get('gone')).toBeUndefined()
  })

  it('keeps secrets in a 0600 file', () => {
    const secrets = fileSecretStore(join(dir, 'd'))
    secrets.set('webhookSecret', 'whsec_1')
    secrets.set('apiKey', 'from-file')
    const file = join(dir, 'd', 'secrets.json')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ webhookSecret: 'whsec_1', apiKey: 'from-file' })
    expect(fileSecretStore(join(dir, 'd')).get('apiKey')).toBe('from-file')
    secrets.set('webhookSecret', undefined)
    expect(secrets.get('webhookSecret')).toBeUndefined()
  })
})

describe('runSim', () => {
  it('makes up a key when none is given and prints the simulator line', async () => {
    const created: unknown[] = []
    const stop = vi.fn()
    const lines: string[] = []
    const running = await runSim(parseCliArgs(['sim', '--seed']) as SimArgs, {
      createSimulator: (o) => {
        created.push(o)
        return { url: 'http://127.0.0.1:1', start: async () => ({ url: 'http://127.0.0.1:6000' }), stop }
      },
      logger: silentLogger,
      printLine: (line) => lines.push(line)
    })
    const ready = JSON.parse(lines[0] ?? '') as { apiKey: string }
    expect(ready).toEqual({ ready: true, simulator: 'http://127.0.0.1:6000', apiKey: expect.stringMatching(/^sk_sim_/) })
    expect(created).toEqual([{ host: '127.0.0.1', port: 0, apiKeys: [ready.apiKey], webhookUrl: undefined, seed: true }])
    await running.stop()
    expect(stop).toHaveBeenCalledOnce()
  })

  it('with --data-dir, a real simulator keeps its key and state across a restart; without it, nothing is kept', async () => {
    const simDir = join(dir, 'sim-state')
    const deps = (lines: string[]) => ({
      createSimulator: (o: SimOptions) => new Simulator({ clock: systemClock, ...o }),
      savedApiKeys,
      logger: silentLogger,
      printLine: (line: string) => lines.push(line)
    })
    const api = (ready: { simulator: string; apiKey: string }, method: string, p: string, body?: unknown) =>
      fetch(`${ready.simulator}${p}`, { method, headers: { Authorization: `Bearer ${ready.apiKey}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) }).then((r) => r.json() as Promise<Record<string, unknown>>)

    const first: string[] = []
    const run1 = await runSim(parseCliArgs(['sim', '--data-dir', simDir]) as SimArgs, deps(first))
    const ready1 = JSON.parse(first[0]!) as { simulator: string; apiKey: string }
    const agent = await api(ready1, 'POST', '/v1/agents', { name: 'Kept' })
    await run1.stop()

    const second: string[] = []
    const run2 = await runSim(parseCliArgs(['sim', '--data-dir', simDir]) as SimArgs, deps(second))
    const ready2 = JSON.parse(second[0]!) as { simulator: string; apiKey: string }
    expect(ready2.apiKey).toBe(ready1.apiKey)
    expect(await api(ready2, 'GET', `/v1/agents/${String(agent.id)}`)).toMatchObject({ id: agent.id, name: 'Kept' })
    await run2.stop()

    const third: string[] = []
    const run3 = await runSim(parseCliArgs(['sim']) as SimArgs, deps(third))
    const ready3 = JSON.parse(third[0]!) as { simulator: string; apiKey: string }
    expect(ready3.apiKey).not.toBe(ready1.apiKey)
    expect(await api(ready3, 'GET', '/v1/agents')).toMatchObject({ total: 0 })
    await run3.stop()
  })
})
