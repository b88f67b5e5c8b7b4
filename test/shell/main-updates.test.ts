/**
 * main.ts's part in updates and hardening: a packaged build answers `update.*` from its own
 * updater (electron-updater, here reading a fake feed over HTTP) and its window has no DevTools;
 * a run from source leaves updates to the core and keeps DevTools.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppUpdater } from 'electron-updater'
import type { BridgeResult, UpdateStatus } from '../../src-preload/contract'
import { fakeSession } from '../server/helpers/fake-session'
import * as electronMock from './mocks/electron'
import { debUpdater, startFakeFeed, type FakeFeed } from './helpers/release-feed'

vi.mock('electron', () => import('./mocks/electron'))
const startSession = vi.fn()
vi.mock('../../src-main/core/session-host', () => ({ startSessionHost: startSession }))
// electron-updater's autoUpdater picks the updater for the install and needs the Electron app;
// here it is the real DebUpdater for a .deb install, reading the test's feed.
const current = vi.hoisted(() => ({ make: vi.fn((): AppUpdater | null => null) }))
vi.mock('electron-updater', async (importOriginal) => {
  const actual = await importOriginal<Record<string, unknown>>()
  // Copied without touching the real `autoUpdater` getter (it would load Electron).
  const descriptors = Object.getOwnPropertyDescriptors(actual)
  delete (descriptors as Record<string, unknown>).autoUpdater
  const module = Object.defineProperties({}, descriptors) as Record<string, unknown>
  Object.defineProperty(module, 'autoUpdater', { get: () => current.make(), enumerable: true })
  return { ...module, default: module }
})

const { app, BrowserWindow, ipcMain, ipcEvent, MockWebFrame } = electronMock
let feed: FakeFeed
let session: ReturnType<typeof fakeSession>

async function boot(packaged: boolean): Promise<void> {
  vi.resetModules()
  electronMock.resetElectronMock()
  app.isPackaged = packaged
  await import('../../src-main/shell/main')
  await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(1))
}

async function invoke(method: string): Promise<BridgeResult<unknown>> {
  const window = BrowserWindow.instances[0]!
  // The test has no built renderer to load: the frame shows our page as if it had.
  window.webContents.mainFrame = new MockWebFrame('switchboard://app/index.html')
  return (await ipcMain.handlers.get(method)!(ipcEvent(window.webContents), {})) as BridgeResult<unknown>
}

beforeEach(async () => {
  feed = await startFakeFeed()
  feed.publish('0.2.0')
  const { updater } = debUpdater(feed.url, '0.1.0')
  current.make.mockReset()
  current.make.mockReturnValue(updater)
  session = fakeSession((method) => (method === 'turns.list' || method === 'calls.list' ? { ok: true, value: { items: [] } } : { ok: true, value: { from: 'core', method } }))
  for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(() => {})
  startSession.mockReset()
  startSession.mockImplementation(async () => session)
})
afterEach(async () => {
  app.quit()
  await feed.close()
  vi.restoreAllMocks()
})

describe('main process: updates and DevTools', () => {
  it('packaged: the shell answers update.status from its updater, and the window has no DevTools', async () => {
    await boot(true)
    expect(current.make).toHaveBeenCalledOnce()
    const status = await invoke('update.status')
    expect(status).toMatchObject({ ok: true, value: { state: 'idle', currentVersion: '0.1.0-test', canRestart: false } })
    expect((status as { value: UpdateStatus }).value.detail).toBe('Switchboard looks for updates shortly after it starts.')
    expect(await invoke('update.restart')).toMatchObject({ ok: false, error: { code: 'not_available', message: 'No update has been downloaded yet.' } })
    expect(session.invoke).not.toHaveBeenCalledWith('update.status', expect.anything())
    expect(BrowserWindow.instances[0]!.options.webPreferences).toMatchObject({ devTools: false })
  })

  it('from source: update.* goes to the core, no updater is created, and DevTools stay', async () => {
    await boot(false)
    expect(await invoke('update.status')).toEqual({ ok: true, value: { from: 'core', method: 'update.status' } })
    expect(current.make).not.toHaveBeenCalled()
    expect(BrowserWindow.instances[0]!.options.webPreferences).toMatchObject({ devTools: true })
  })
})
