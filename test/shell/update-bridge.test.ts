/**
 * Who answers `update.*`: the packaged app's shell (its policy), or — anywhere else — the core,
 * which says where this copy's updates come from. And updates are off unless packaged.
 */
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppUpdater } from 'electron-updater'
import type { BridgeEvent, UpdateStatus } from '../../src-preload/contract'
import { FROM_SOURCE_DETAIL } from '../../src-main/core/handlers/updates'
import { startSessionHost } from '../../src-main/core/session-host'
import { withUpdates, type UpdateSource } from '../../src-main/shell/update-bridge'
import { NOT_UPDATABLE_DETAIL, startUpdates } from '../../src-main/shell/updates'
import { fakeSession } from '../server/helpers/fake-session'

const ready: UpdateStatus = { state: 'ready', currentVersion: '1.0.0', version: '1.1.0', percent: 100, canRestart: true, heldBy: null, detail: 'ready', checkedAt: null }
const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
const stops: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop()
})

function source(restart: UpdateSource['restart']) {
  const listeners = new Set<(s: UpdateStatus) => void>()
  return {
    status: () => ready,
    onStatus: (l: (s: UpdateStatus) => void) => (listeners.add(l), () => void listeners.delete(l)),
    restart,
    emit: (s: UpdateStatus) => listeners.forEach((l) => l(s)),
    listeners
  }
}

describe('the shell answers update.* in the packaged app', () => {
  it('answers status and restart itself, forwards everything else, and adds update.status to the events', async () => {
    const session = fakeSession()
    const updates = source(() => ({ ok: false, reason: 'Not now: a call is live.' }))
    const bridged = withUpdates(session, updates)
    expect(await bridged.invoke('update.status', {})).toEqual({ ok: true, value: ready })
    expect(await bridged.invoke('update.restart', {})).toEqual({ ok: false, error: { code: 'not_available', message: 'Not now: a call is live.' } })
    expect(await bridged.invoke('update.status', { now: true })).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    expect(session.invoke).not.toHaveBeenCalled()
    expect(await bridged.invoke('calls.list', {})).toMatchObject({ ok: true, value: { echo: { method: 'calls.list' } } })

    const seen: BridgeEvent[] = []
    const off = bridged.onEvent((e) => seen.push(e))
    updates.emit(ready)
    session.emit({ event: 'alerts.muted', data: { mutedUntil: null } })
    expect(seen).toEqual([{ event: 'update.status', data: ready }, { event: 'alerts.muted', data: { mutedUntil: null } }])
    off()
    expect(updates.listeners.size).toBe(0)
    expect(session.listenerCount()).toBe(0)
  })

  it('says restarting when the policy lets it', async () => {
    const restart = vi.fn(() => ({ ok: true as const }))
    expect(await withUpdates(fakeSession(), source(restart)).invoke('update.restart', {})).toEqual({ ok: true, value: { restarting: true } })
    expect(restart).toHaveBeenCalledOnce()
  })
})

describe('updates are off unless packaged', () => {
  it('does not even create an updater in an unpackaged run (npm start, npm run dev)', () => {
    const updater = vi.fn()
    expect(startUpdates({ app: { isPackaged: false, getVersion: () => '1.0.0' }, host: fakeSession(), logger, updater })).toBeNull()
    expect(updater).not.toHaveBeenCalled()
  })

  it('a packaged copy electron-updater cannot replace (an unpacked folder) says where to get new versions', async () => {
    const updater = { isUpdaterActive: () => false, checkForUpdates: vi.fn() } as unknown as AppUpdater
    const updates = startUpdates({ app: { isPackaged: true, getVersion: () => '1.0.0' }, host: fakeSession(), logger, updater: () => updater })!
    const bridged = updates.wrap(fakeSession())
    expect(await bridged.invoke('update.status', {})).toMatchObject({ ok: true, value: { state: 'unavailable', detail: NOT_UPDATABLE_DETAIL, canRestart: false } })
    expect(await bridged.invoke('update.restart', {})).toMatchObject({ ok: false, error: { code: 'not_available', message: NOT_UPDATABLE_DETAIL } })
    expect(updater.checkForUpdates).not.toHaveBeenCalled()
  })

  it('an updater that cannot start leaves the app running, with the core answering', () => {
    const updates = startUpdates({ app: { isPackaged: true, getVersion: () => '1.0.0' }, host: fakeSession(), logger, updater: () => { throw new Error('no app-update.yml') } })
    expect(updates).toBeNull()
    expect(logger.warn).toHaveBeenCalledWith('updates are off: the updater could not start', { error: 'Error: no app-update.yml' })
  })

  it('the core (headless shell, npm start) says updates come from git or the package manager', async () => {
    const host = await startSessionHost({ mode: 'sandbox', dataDir: await mkdtemp(path.join(os.tmpdir(), 'sb-update-core-')), version: '0.1.0' })
    stops.push(() => host.stop())
    expect(await host.invoke('update.status', {})).toEqual({ ok: true, value: { state: 'unavailable', currentVersion: '0.1.0', version: null, percent: null, canRestart: false, heldBy: null, detail: FROM_SOURCE_DETAIL, checkedAt: null } })
    expect(await host.invoke('update.restart', {})).toEqual({ ok: false, error: { code: 'not_available', message: FROM_SOURCE_DETAIL } })
    expect(FROM_SOURCE_DETAIL).toMatch(/git pull.*package manager/)
  })
})
