import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeEvent } from '../../../src-preload/contract'
import { redactSecrets } from '../../../src-main/core/handlers/diagnostics'
import { memorySecrets, memoryStore, systemClock } from '../../../src-main/core/ports'
import { startSession } from '../../../src-main/core/session'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { startTunnel } from '../../helpers/tunnel-proxy'
import { fakeClock } from '../../server/helpers/fake-clock'

const API_KEY = 'sk_live_diagnostics_key_0123456789'
const cleanup: Array<() => Promise<unknown>> = []
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo()
})

describe('app.diagnostics', () => {
  it('reports version, mode, ports, tunnel, webhook and journal state and the last log lines, with every secret redacted', async () => {
    const sim = new Simulator({ clock: systemClock, apiKeys: [API_KEY], seed: true })
    await sim.start()
    cleanup.push(() => sim.stop())
    const secrets = memorySecrets({ apiKey: API_KEY })
    const logLines: string[] = []
    const session = await startSession({
      mode: 'live',
      dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-diag-')),
      live: { baseUrl: sim.url },
      secrets,
      settings: memoryStore(),
      connectTimeoutMs: 1500,
      version: '9.9.9',
      recentLogLines: () => logLines
    })
    cleanup.push(() => session.stop())
    const tunnel = await startTunnel(session.status().receiverUrl)
    cleanup.push(() => tunnel.close())
    await session.invoke('webhooks.connect', { url: tunnel.url })
    const webhookSecret = secrets.get('webhookSecret')!
    expect(webhookSecret).toMatch(/^whsec_/)
    // A careless log line holding both (and a bridge URL with its token).
    logLines.push(`{"msg":"configured","key":"${API_KEY}","secret":"${webhookSecret}","ui":"http://127.0.0.1:1/#token=abcdef123456"}`)

    const result = await session.invoke('app.diagnostics', {})
    expect(result.ok).toBe(true)
    const text = (result as { ok: true; value: { text: string } }).value.text
    expect(text).not.toContain(API_KEY)
    expect(text).not.toContain(webhookSecret)
    expect(text).not.toContain('abcdef123456')
    const report = JSON.parse(text) as Record<string, unknown>
    expect(report).toMatchObject({
      version: '9.9.9',
      mode: 'live',
      apiKeyStored: true,
      ports: { receiver: session.status().receiverUrl, api: sim.url },
      webhook: { registered: { url: expect.stringContaining(tunnel.url.replace(/\/$/, '')) }, secretsAccepted: 1 },
      journal: { ok: true }
    })
    expect((report.journal as { records: number }).records).toBeGreaterThan(0)
    expect(report.log).toEqual([expect.stringContaining('[redacted]')])
  })

  it('redacts key- and token-shaped strings it was not told about', () => {
    expect(redactSecrets('a sk_test_abcdefgh12 b whsec_QWERTY12 c Bearer abc.def ?token=xyz', [])).toBe('a [redacted] b [redacted] c Bearer [redacted] ?token=[redacted]')
  })
})

describe('alerts.mute', () => {
  it('mutes for the minutes asked, tells every renderer, shows in app.status, and 0 unmutes', async () => {
    const clock = fakeClock(Date.parse('2026-01-01T10:00:00Z'))
    const session = await startSession({ mode: 'sandbox', dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-mute-')), clock })
    cleanup.push(() => session.stop())
    const events: BridgeEvent[] = []
    session.onEvent((e) => events.push(e))
    await expect(session.invoke('alerts.mute', { minutes: 15 })).resolves.toEqual({ ok: true, value: { mutedUntil: '2026-01-01T10:15:00.000Z' } })
    expect(events.filter((e) => e.event === 'alerts.muted').map((e) => e.data)).toEqual([{ mutedUntil: '2026-01-01T10:15:00.000Z' }])
    expect(session.status().alertsMutedUntil).toBe('2026-01-01T10:15:00.000Z')
    clock.advance(15 * 60_000)
    expect(session.status().alertsMutedUntil).toBeNull()
    await session.invoke('alerts.mute', { minutes: 60 })
    await expect(session.invoke('alerts.mute', { minutes: 0 })).resolves.toEqual({ ok: true, value: { mutedUntil: null } })
    await expect(session.invoke('alerts.mute', { minutes: -1 })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_params' } })
  })
})
