import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeEvent } from '../../../src-preload/contract'
import { memorySecrets, memoryStore, systemClock, type Logger } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { startTunnel } from '../../helpers/tunnel-proxy'

const API_KEY = 'sk_live_must_never_leak_0123456789'
const cleanup: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo()
})

describe('secrets stay in the core', () => {
  it('neither the API key nor any webhook secret reaches events, command results or logs', async () => {
    const sim = new Simulator({ clock: systemClock, apiKeys: [API_KEY], seed: true })
    await sim.start()
    cleanup.push(() => sim.stop())
    const logs: string[] = []
    const logger: Logger = {
      info: (m, f) => logs.push(`${m} ${JSON.stringify(f ?? {})}`),
      warn: (m, f) => logs.push(`${m} ${JSON.stringify(f ?? {})}`),
      error: (m, f) => logs.push(`${m} ${JSON.stringify(f ?? {})}`)
    }
    const secrets = memorySecrets({ apiKey: API_KEY })
    const session: Session = await startSession({
      mode: 'live',
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-secrets-')),
      live: { baseUrl: sim.url },
      secrets,
      settings: memoryStore(),
      logger,
      connectTimeoutMs: 1500
    })
    cleanup.push(() => session.stop())
    const tunnel = await startTunnel(session.status().receiverUrl)
    cleanup.push(() => tunnel.close())
    const events: BridgeEvent[] = []
    session.onEvent((e) => events.push(e))

    const results: unknown[] = []
    const call = async (method: string, params: unknown) => results.push(await session.invoke(method, params))
    await call('webhooks.connect', { url: tunnel.url })
    await call('webhooks.status', {})
    await call('webhooks.deliveries', {})
    await call('app.status', {})
    await call('agents.list', {})
    // A refused request: its error must not echo the key either.
    await call('calls.get', { callId: 'call_does_not_exist' })

    const webhookSecret = secrets.get('webhookSecret')
    expect(webhookSecret).toMatch(/^whsec_/)
    const everything = JSON.stringify({ events, results, logs })
    expect(everything).not.toContain(API_KEY)
    expect(everything).not.toContain(webhookSecret)
    expect(everything).not.toMatch(/whsec_[A-Za-z0-9]/)
    // And the inspector did see the signed test delivery, with its signature redacted.
    expect(events.some((e) => e.event === 'webhook.delivery' && e.data.outcome === 'accepted')).toBe(true)
  })
})
