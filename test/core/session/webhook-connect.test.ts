import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CommandResult } from '../../../src-preload/contract'
import { memorySecrets, memoryStore, systemClock } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { startTunnel } from '../../helpers/tunnel-proxy'
import { ok } from '../../helpers/bridge-result'

const API_KEY = 'sk_live_connect_test_key'
let sim: Simulator
let session: Session
let tunnel: Awaited<ReturnType<typeof startTunnel>>

beforeEach(async () => {
  sim = new Simulator({ clock: systemClock, apiKeys: [API_KEY], seed: true })
  await sim.start()
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-connect-'))
  session = await startSession({
    mode: 'live',
    dataDir,
    live: { baseUrl: sim.url },
    secrets: memorySecrets({ apiKey: API_KEY }),
    settings: memoryStore(),
    connectTimeoutMs: 1500,
    ngrokApiUrl: 'http://127.0.0.1:9/api/tunnels'
  })
  tunnel = await startTunnel(session.status().receiverUrl)
})

afterEach(async () => {
  await session.stop()
  await sim.stop()
  await tunnel.close()
})

type Connect = CommandResult<'webhooks.connect'>

describe('webhooks.connect against the simulator standing in for AgentPhone', () => {
  it('registers the tunnel, keeps the new secret and proves the round trip', async () => {
    const steps: string[] = []
    session.onEvent((e) => e.event === 'webhooks.progress' && steps.push(e.data.step))
    const result = ok(await session.invoke('webhooks.connect', { url: tunnel.url, timeout: 20 })) as Connect
    expect(result.test).toBe('verified')
    expect(steps).toEqual(['registering', 'waiting'])
    expect(result.webhook?.url).toBe(`${tunnel.url}webhook`)
    // The turn deadline follows the webhook timeout that was registered.
    expect(session.status().turnTimeoutSeconds).toBe(20)
    expect(JSON.stringify(result)).not.toContain('whsec_')
    const status = ok(await session.invoke('webhooks.status', {})) as CommandResult<'webhooks.status'>
    expect(status.ours).toBe(true)
    expect(status.current?.url).toBe(`${tunnel.url}webhook`)
  })

  it('diagnoses a proxy that rewrites the body as a bad signature', async () => {
    tunnel.setMode('rewrite')
    const result = ok(await session.invoke('webhooks.connect', { url: tunnel.url })) as Connect
    expect(result.test).toBe('bad_signature')
    expect(result.detail).toMatch(/rewrote the body/)
  })

  it('diagnoses a tunnel that forwards nothing, naming the receiver port', async () => {
    tunnel.setMode('drop')
    const result = ok(await session.invoke('webhooks.connect', { url: tunnel.url })) as Connect
    expect(result.test).toBe('not_arrived')
    const port = new URL(session.status().receiverUrl).port
    expect(result.detail).toContain(`port ${port}`)
  })

  it('reports the API refusing the registration with its message', async () => {
    const result = ok(await session.invoke('webhooks.connect', { url: 'ftp://127.0.0.1:9/hook' })) as Connect
    expect(result.test).toBe('api_refused')
    expect(result.detail).toMatch(/http/i)
  })

  it('warns what it replaces and puts the previous URL back on disconnect', async () => {
    ok(await session.invoke('webhooks.connect', { url: 'http://127.0.0.1:9/old-hooks' }))
    // Pretend the first registration was somebody else's: forget that it was ours.
    await session.stop()
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-connect-'))
    session = await startSession({ mode: 'live', dataDir, live: { baseUrl: sim.url }, secrets: memorySecrets({ apiKey: API_KEY }), connectTimeoutMs: 1500 })
    await tunnel.close()
    tunnel = await startTunnel(session.status().receiverUrl)

    const before = ok(await session.invoke('webhooks.status', {})) as CommandResult<'webhooks.status'>
    expect(before.current?.url).toBe('http://127.0.0.1:9/old-hooks')
    expect(before.ours).toBe(false)
    ok(await session.invoke('webhooks.connect', { url: tunnel.url }))
    const after = ok(await session.invoke('webhooks.status', {})) as CommandResult<'webhooks.status'>
    expect(after.previous?.url).toBe('http://127.0.0.1:9/old-hooks')

    const undo = ok(await session.invoke('webhooks.disconnect', { restorePrevious: true })) as CommandResult<'webhooks.disconnect'>
    expect(undo.restored?.url).toBe('http://127.0.0.1:9/old-hooks')
    expect(undo.note).toMatch(/new signing secret/)
    const restored = ok(await session.invoke('webhooks.status', {})) as CommandResult<'webhooks.status'>
    expect(restored.current?.url).toBe('http://127.0.0.1:9/old-hooks')
  })

  it('says plainly when no ngrok agent is running', async () => {
    const found = ok(await session.invoke('webhooks.detectTunnel', {})) as CommandResult<'webhooks.detectTunnel'>
    expect(found.url).toBeNull()
    expect(found.detail).toContain('ngrok http')
  })
})

describe('ngrok detection', () => {
  it('fills in the tunnel that forwards to the receiver port, with the webhook path', async () => {
    const http = await import('node:http')
    const port = Number(new URL(session.status().receiverUrl).port)
    const ngrok = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          tunnels: [
            { public_url: 'https://other.ngrok.app', proto: 'https', config: { addr: 'http://localhost:3000' } },
            { public_url: 'http://ours.ngrok.app', proto: 'http', config: { addr: `http://localhost:${port}` } },
            { public_url: 'https://ours.ngrok.app', proto: 'https', config: { addr: `http://localhost:${port}` } }
          ]
        })
      )
    })
    await new Promise<void>((resolve) => ngrok.listen(0, '127.0.0.1', resolve))
    const apiUrl = `http://127.0.0.1:${(ngrok.address() as { port: number }).port}/api/tunnels`
    await session.stop()
    session = await startSession({
      mode: 'live',
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-ngrok-')),
      live: { baseUrl: sim.url },
      secrets: memorySecrets({ apiKey: API_KEY }),
      receiver: { port },
      ngrokApiUrl: apiUrl
    })
    const found = ok(await session.invoke('webhooks.detectTunnel', {})) as CommandResult<'webhooks.detectTunnel'>
    await new Promise<void>((resolve) => ngrok.close(() => resolve()))
    expect(found).toMatchObject({ url: 'https://ours.ngrok.app/webhook', source: 'ngrok' })
  })
})
