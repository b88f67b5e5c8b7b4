import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, BridgeResult } from '../../../src-preload/contract'
import { checkBaseUrl } from '../../../src-preload/base-url-rule'
import { BASE_URL_KEY } from '../../../src-main/core/live/keys'
import { memorySecrets, memoryStore, systemClock } from '../../../src-main/core/ports'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { startSessionHost, type SessionHost } from '../../../src-main/core/session-host'

const API_KEY = 'sk_live_baseurl_test_0123456789'
const hosts: SessionHost[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})

async function sandboxHost(settings = memoryStore()): Promise<SessionHost> {
  const h = await startSessionHost({ dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-baseurl-')), settings, secrets: memorySecrets(), receiver: { port: 0 }, mode: 'sandbox' })
  hosts.push(h)
  return h
}

const status = (r: BridgeResult<unknown>): AppStatus => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value as AppStatus
}

describe('where the API key may be sent', () => {
  it.each([
    ['https://api.agentphone.ai', true],
    ['https://api.agentphone.ai/', true],
    ['http://127.0.0.1:5050', true],
    ['http://127.9.9.9', true],
    ['http://localhost:8080/v1', true],
    ['http://[::1]:9000', true],
    ['http://api.agentphone.ai', false],
    ['http://192.168.1.20:8080', false],
    ['http://127.0.0.1.evil.example', false],
    ['ftp://127.0.0.1', false],
    ['https://user:pass@api.agentphone.ai', false],
    ['not a url', false]
  ])('%s → allowed: %s', (url, allowed) => {
    expect(checkBaseUrl(url).ok).toBe(allowed)
  })

  it('refuses an http base URL off this machine in app.configure, with a clear error, and keeps the old one', async () => {
    const h = await sandboxHost()
    const before = status(await h.invoke('app.status', {})).baseUrl
    const refused = await h.invoke('app.configure', { baseUrl: 'http://collector.example:8080' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    expect(!refused.ok && refused.error.message).toContain('https:// or a loopback address')
    expect(status(await h.invoke('app.status', {})).baseUrl).toBe(before)
    // The same change to https is taken (the hub's own machine may choose it).
    expect(status(await h.invoke('app.configure', { baseUrl: 'https://api.agentphone.to' })).baseUrl).toBeDefined()
  })

  it('never uses a saved base URL that breaks the rule (edited by hand, or saved by an older version), and says so', async () => {
    const sim = new Simulator({ clock: systemClock, apiKeys: [API_KEY] })
    await sim.start()
    try {
      const h = await startSessionHost({
        dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-baseurl-')),
        settings: memoryStore({ [BASE_URL_KEY]: 'http://collector.example' }),
        secrets: memorySecrets({ apiKey: API_KEY }),
        receiver: { port: 0 },
        mode: 'live',
        live: { baseUrl: sim.url }
      })
      hosts.push(h)
      const s = status(await h.invoke('app.status', {}))
      expect(s.mode).toBe('live')
      expect(s.baseUrl).toBe(sim.url)
      expect(s.notice).toContain('was not used')
    } finally {
      await Promise.all(hosts.splice(0).map((h) => h.stop()))
      await sim.stop()
    }
  })
})
