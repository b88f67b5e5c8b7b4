/**
 * Updates end to end, as the packaged app runs them: electron-updater reads a release feed over
 * real HTTP and downloads (and checks) the file, the policy holds "Restart to update" while a
 * sandbox call is live or its caller waits, and the bridge carries the offer to the window.
 */
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, BridgeResult, UpdateStatus } from '../../src-preload/contract'
import { startSessionHost, type SessionHost } from '../../src-main/core/session-host'
import { startUpdates, type Updates } from '../../src-main/shell/updates'
import { EventRecorder } from '../core/session/events'
import { debUpdater, startFakeFeed, type FakeFeed } from './helpers/release-feed'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function ok<T>(result: BridgeResult<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value
}

const logger = { info() {}, warn() {}, error() {} }

async function setUp(offered: string | null, options: { corrupt?: boolean } = {}) {
  const feed: FakeFeed = await startFakeFeed()
  cleanups.push(() => feed.close())
  if (offered) feed.publish(offered, options)
  const host: SessionHost = await startSessionHost({ mode: 'sandbox', dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-updates-')) })
  cleanups.push(() => host.stop())
  const { updater, installs } = debUpdater(feed.url, '0.1.0')
  const updates = startUpdates({ app: { isPackaged: true, getVersion: () => '0.1.0' }, host, logger, updater: () => updater, firstCheckMs: 0 }) as Updates
  cleanups.push(() => updates.stop())
  // What the window's IPC binding sees.
  const bridge = updates.wrap(host)
  const events = new EventRecorder()
  cleanups.push(bridge.onEvent(events.push))
  const status = ok(await host.invoke('app.status', {})) as AppStatus
  return { feed, host, bridge, events, installs, number: status.sandbox!.number.phoneNumber }
}

describe('updates from a release feed', () => {
  it('downloads at start, holds the restart while a call is live or a caller waits, and offers it once the call ends', async () => {
    const { feed, bridge, events, installs, number } = await setUp('0.2.0')
    const { callId } = ok(await bridge.invoke('sandbox.dial', { to: number })) as { callId: string }
    await events.waitFor('call.started', (c) => c.id === callId)

    // The first check (at start) finds 0.2.0 and downloads it in the background.
    const held = await events.waitFor('update.status', (s) => s.state === 'ready' && s.heldBy !== null, 15_000)
    expect(held).toMatchObject({ version: '0.2.0', currentVersion: '0.1.0', canRestart: false, heldBy: 'a call is live' })
    expect(feed.requests).toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/latest-linux(-\w+)?\.yml/), 'GET /Switchboard-0.2.0-amd64.deb']))

    // The person presses Restart to update anyway (or a script does): refused, nothing installed.
    const refused = await bridge.invoke('update.restart', {})
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.error).toMatchObject({ code: 'not_available', message: expect.stringContaining('a call is live') })
    expect(installs()).toBe(0)

    // The caller speaks: a turn waits for a person too.
    ok(await bridge.invoke('sandbox.say', { callId, text: 'Is anyone there?' }))
    const turn = await events.waitFor('turn.opened', (t) => t.callId === callId)
    await events.waitFor('update.status', (s) => s.heldBy === 'a call is live and a caller is waiting for an answer')
    ok(await bridge.invoke('turns.reply', { turnId: turn.turnId, text: 'Yes, one moment.' }))
    await events.waitFor('turn.closed', (t) => t.turnId === turn.turnId)
    expect((ok(await bridge.invoke('update.status', {})) as UpdateStatus).canRestart).toBe(false)

    // The call ends: the offer comes back by itself.
    ok(await bridge.invoke('sandbox.hangup', { callId }))
    const offered = await events.waitFor('update.status', (s) => s.state === 'ready' && s.canRestart)
    expect(offered).toMatchObject({ heldBy: null, detail: 'Switchboard 0.2.0 is ready: restart to update.' })
    expect(ok(await bridge.invoke('update.restart', {}))).toEqual({ restarting: true })
    expect(installs()).toBe(1)
  })

  it('says it is up to date when the feed offers this version, and downloads nothing', async () => {
    const { feed, bridge, events } = await setUp('0.1.0')
    await events.waitFor('update.status', (s) => s.state === 'idle' && s.checkedAt !== null, 15_000)
    const status = ok(await bridge.invoke('update.status', {})) as UpdateStatus
    expect(status).toMatchObject({ state: 'idle', version: null, canRestart: false, detail: 'Switchboard 0.1.0 is up to date.' })
    expect(feed.requests.filter((r) => r.includes('.deb'))).toEqual([])
  })

  it('refuses a download whose checksum does not match the feed: an error, and no restart offered', async () => {
    const { bridge, events, installs } = await setUp('0.2.0', { corrupt: true })
    const failed = await events.waitFor('update.status', (s) => s.state === 'error', 15_000)
    expect(failed.detail).toMatch(/^The update could not be fetched \(.*sha512 checksum mismatch/)
    expect(failed.canRestart).toBe(false)
    expect((await bridge.invoke('update.restart', {})).ok).toBe(false)
    expect(installs()).toBe(0)
  })

  it('reports a feed that cannot be read as an error, not as "up to date"', async () => {
    const { bridge, events } = await setUp(null)
    await events.waitFor('update.status', (s) => s.state === 'error', 15_000)
    expect(((ok(await bridge.invoke('update.status', {})) as UpdateStatus).detail)).toMatch(/could not be fetched .*404/)
  })
})
