import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, BridgeEvent } from '../../../src-preload/contract'
import { AlertMute } from '../../../src-main/core/alert-mute'
import { redactSecrets } from '../../../src-main/core/handlers/report-error'
import { memorySecrets, type Logger } from '../../../src-main/core/ports'
import { startSessionHost, type SessionHost } from '../../../src-main/core/session-host'
import { fakeClock } from '../../server/helpers/fake-clock'
import { ok } from '../../helpers/bridge-result'

const MIN = 60_000

describe('AlertMute', () => {
  it('mutes until now + minutes, tells listeners, and unmutes itself when the time is up', () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const mute = new AlertMute(clock)
    const seen: Array<string | null> = []
    mute.onChange((until) => seen.push(until))
    expect(mute.mutedUntil()).toBeNull()

    expect(mute.mute(15)).toBe('2026-12-01T10:15:00.000Z')
    clock.advance(15 * MIN - 1)
    expect(mute.mutedUntil()).toBe('2026-12-01T10:15:00.000Z')
    clock.advance(1)
    expect(mute.mutedUntil()).toBeNull()
    expect(seen).toEqual(['2026-12-01T10:15:00.000Z', null])
    expect(clock.pending()).toBe(0)
  })

  it('a new mute replaces the old one (its timer included); 0 unmutes at once', () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const mute = new AlertMute(clock)
    const seen: Array<string | null> = []
    mute.onChange((until) => seen.push(until))
    mute.mute(15)
    mute.mute(60)
    expect(clock.pending()).toBe(1)
    clock.advance(15 * MIN)
    expect(mute.mutedUntil()).toBe('2026-12-01T11:00:00.000Z') // the 15-minute timer is gone
    expect(mute.mute(0)).toBeNull()
    expect(clock.pending()).toBe(0)
    expect(seen).toEqual(['2026-12-01T10:15:00.000Z', '2026-12-01T11:00:00.000Z', null])
  })
})

describe('alerts.mute and app.reportError through the session host', () => {
  const hosts: SessionHost[] = []
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()))
  })

  async function host(options: { logger?: Logger; apiKey?: string } = {}) {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-alerts-'))
    const h = await startSessionHost({
      mode: 'sandbox',
      dataDir,
      clock,
      ...(options.logger ? { logger: options.logger } : {}),
      secrets: memorySecrets(options.apiKey ? { apiKey: options.apiKey } : {})
    })
    hosts.push(h)
    const events: BridgeEvent[] = []
    h.onEvent((e) => events.push(e))
    return { h, clock, events }
  }
  const mutedEvents = (events: BridgeEvent[]) => events.filter((e) => e.event === 'alerts.muted').map((e) => e.data)

  it('mutes every window: the answer, app.status and an alerts.muted event agree, a restart keeps it, and it runs out', async () => {
    const { h, clock, events } = await host()
    expect((ok(await h.invoke('app.status', {})) as AppStatus).alertsMutedUntil).toBeNull()

    expect(ok(await h.invoke('alerts.mute', { minutes: 60 }))).toEqual({ mutedUntil: '2026-12-01T11:00:00.000Z' })
    expect((ok(await h.invoke('app.status', {})) as AppStatus).alertsMutedUntil).toBe('2026-12-01T11:00:00.000Z')
    expect(mutedEvents(events)).toEqual([{ mutedUntil: '2026-12-01T11:00:00.000Z' }])

    // Moving the receiver restarts the core behind the host: the mute is the host's, so it stays.
    ok(await h.invoke('app.configure', { receiverPort: 0 }))
    expect((ok(await h.invoke('app.status', {})) as AppStatus).alertsMutedUntil).toBe('2026-12-01T11:00:00.000Z')

    clock.advance(60 * MIN)
    expect((ok(await h.invoke('app.status', {})) as AppStatus).alertsMutedUntil).toBeNull()
    // Exactly one "unmuted" event: the stopped session no longer listens.
    expect(mutedEvents(events)).toEqual([{ mutedUntil: '2026-12-01T11:00:00.000Z' }, { mutedUntil: null }])
  })

  it('refuses a negative or over-long mute with a clear error', async () => {
    const { h } = await host()
    const negative = await h.invoke('alerts.mute', { minutes: -5 })
    expect(negative.ok ? null : negative.error.code).toBe('invalid_params')
    const long = await h.invoke('alerts.mute', { minutes: 100_000 })
    expect(long.ok ? null : long.error.message).toMatch(/^minutes:/)
  })

  it('logs a crashed view through the logger, with the API key and the bridge token taken out', async () => {
    const logged: Array<{ message: string; fields?: Record<string, unknown> }> = []
    const logger: Logger = { info() {}, warn() {}, error: (message, fields) => void logged.push({ message, ...(fields ? { fields } : {}) }) }
    const apiKey = 'sk_live_0123456789abcdef'
    const { h } = await host({ logger, apiKey })
    ok(
      await h.invoke('app.reportError', {
        view: 'usage',
        message: `Cannot read properties of undefined (key ${apiKey})`,
        stack: 'at UsageView (http://127.0.0.1:5173/#token=abc123def456)\nat render'
      })
    )
    const entry = logged.find((l) => l.message === 'a view crashed in the renderer')
    expect(entry?.fields).toEqual({
      view: 'usage',
      message: 'Cannot read properties of undefined (key [redacted])',
      stack: 'at UsageView (http://127.0.0.1:5173/#token=[redacted])\nat render'
    })
    expect(JSON.stringify(logged)).not.toContain(apiKey)
    const bad = await h.invoke('app.reportError', { message: 'no view' })
    expect(bad.ok ? null : bad.error.code).toBe('invalid_params')
  })
})

describe('redactSecrets', () => {
  it('takes out every known secret and credential-shaped text, and leaves short values alone', () => {
    expect(redactSecrets('a whsec_abcdefgh and whsec_abcdefgh', ['whsec_abcdefgh'])).toBe('a [redacted] and [redacted]')
    expect(redactSecrets('Authorization: Bearer xyz.123', [])).toBe('Authorization: Bearer [redacted]')
    expect(redactSecrets('the cat sat', ['cat'])).toBe('the cat sat')
  })
})
