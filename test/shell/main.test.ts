import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { commandNames } from '../../src-preload/contract'
import type { SessionHostOptions } from '../../src-main/core/session-host'
import { fakeSession } from '../server/helpers/fake-session'
import * as electronMock from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))
const startSession = vi.fn()
vi.mock('../../src-main/core/session-host', () => ({ startSessionHost: startSession }))

type ElectronMock = typeof electronMock
const { app, BrowserWindow, ipcMain, protocol, session: electronSession } = electronMock

/** What main.ts did before `ready`, captured when `ready` comes. */
let beforeReady: { privileged: unknown; userData: string; sessionData: string; name: string } | null = null

/** Loads main.ts afresh (it runs on import) against a reset electron mock, and lets it start. */
async function boot(options: { lock?: boolean; before?: () => void } = {}): Promise<ElectronMock> {
  vi.resetModules()
  electronMock.resetElectronMock()
  // Packaged: no log echo to the terminal (the test's renderer folder does not exist, so loads fail).
  app.isPackaged = true
  app.lockAvailable = options.lock ?? true
  options.before?.()
  beforeReady = null
  app.once('ready', () => {
    beforeReady = { privileged: protocol.privileged, userData: app.getPath('userData'), sessionData: app.getPath('sessionData'), name: app.getName() }
  })
  await import('../../src-main/shell/main')
  await vi.waitFor(() => expect(startSession.mock.calls.length + app.quit.mock.calls.length + app.exit.mock.calls.length).toBeGreaterThan(0))
  await new Promise((r) => setTimeout(r, 0))
  return electronMock
}

let session: ReturnType<typeof fakeSession>
beforeEach(() => {
  session = fakeSession((method, params) => {
    if (method === 'app.diagnostics') return { ok: true, value: { text: '{"version":"0.1.0-test"}' } }
    if (method === 'turns.list') return { ok: true, value: { items: [] } }
    if (method === 'app.status') return { ok: true, value: { alertsMutedUntil: null } }
    return { ok: true, value: { echo: { method, params } } }
  })
  // main.ts logs to the console until its log file is open; keep the test output readable.
  for (const level of ['info', 'warn', 'error'] as const) vi.spyOn(console, level).mockImplementation(() => {})
  startSession.mockReset()
  startSession.mockImplementation(async () => session)
})
afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('Electron main process', () => {
  it('leaves at once when another instance holds the lock', async () => {
    await boot({ lock: false })
    expect(app.exited).toBe(0)
    expect(startSession).not.toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
  })

  it('fixes its name, data folder and app scheme before ready, then starts one window on the app scheme', async () => {
    vi.stubEnv('AGENTPHONE_API_KEY', '')
    await boot()
    expect(beforeReady).toMatchObject({ name: 'Switchboard', userData: path.join(app.base, 'appData', 'Switchboard') })
    expect(beforeReady?.sessionData).toBe(path.join(app.base, 'appData', 'Switchboard', 'Chromium'))
    expect(beforeReady?.privileged).toEqual([{ scheme: 'switchboard', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    const options = startSession.mock.calls[0]?.[0] as SessionHostOptions
    expect(options).toMatchObject({ dataDir: path.join(app.base, 'appData', 'Switchboard'), version: '0.1.0-test' })
    // No saved mode and no key: the host picks (sandbox by default).
    expect(options.mode).toBeUndefined()
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(BrowserWindow.instances[0]?.loadedUrl).toBe('switchboard://app/index.html')
    expect(BrowserWindow.instances[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
    expect(ipcMain.handlers.size).toBe(commandNames.length)
    expect(electronSession.defaultSession.permissionCheckHandler).not.toBeNull()
  })

  it('takes --user-data-dir (a temporary profile) as the data folder', async () => {
    const chosen = path.join(app.base, 'profile one')
    await boot({ before: () => app.switches.set('user-data-dir', chosen) })
    expect((startSession.mock.calls[0]?.[0] as SessionHostOptions).dataDir).toBe(chosen)
  })

  it('hands AGENTPHONE_API_KEY to the host, which decides the mode (core/start-rules.ts)', async () => {
    vi.stubEnv('AGENTPHONE_API_KEY', 'sk_live_env')
    await boot()
    const options = startSession.mock.calls[0]?.[0] as SessionHostOptions
    expect(options.mode).toBeUndefined()
    expect(options.env?.AGENTPHONE_API_KEY).toBe('sk_live_env')
  })

  it('starts despite a corrupt config.json', async () => {
    await boot({
      before: () => {
        const dir = path.join(app.base, 'appData', 'Switchboard')
        mkdirSync(dir, { recursive: true })
        writeFileSync(path.join(dir, 'config.json'), '{ not json')
      }
    })
    expect(startSession).toHaveBeenCalledOnce()
    expect(BrowserWindow.instances).toHaveLength(1)
  })

  it('holds every quit until the stop has settled, then leaves and frees the lock', async () => {
    await boot()
    let finish!: () => void
    const stop = vi.spyOn(session, 'stop').mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)))
    app.quit()
    // Cmd+Q again, Ctrl+C, SIGTERM: each is another before-quit while the stop is pending.
    app.quit()
    app.quit()
    await new Promise((r) => setTimeout(r, 0))
    expect(stop).toHaveBeenCalledOnce()
    expect(app.exited).toBeNull()
    expect(ipcMain.handlers.size).toBe(0)
    expect(app.lockHeld).toBe(true)
    finish()
    await vi.waitFor(() => expect(app.exited).toBe(0))
    expect(app.lockHeld).toBe(false)
  })

  it('a relaunch shows the hidden window, or makes a new one after it was closed', async () => {
    await boot()
    const first = BrowserWindow.instances[0]!
    first.hide()
    app.emit('second-instance', {}, [], '/')
    expect(first.isVisible()).toBe(true)
    expect(first.isFocused()).toBe(true)
    first.minimize()
    app.emit('second-instance', {}, [], '/')
    expect(first.isMinimized()).toBe(false)
    first.destroy()
    app.emit('second-instance', {}, [], '/')
    expect(BrowserWindow.getAllWindows()).toHaveLength(1)
    expect(BrowserWindow.instances).toHaveLength(2)
  })

  it('has its own menu: edit roles, no Reload or DevTools when packaged, Help that copies diagnostics', async () => {
    await boot()
    const menu = electronMock.Menu.getApplicationMenu()!
    const roles = menu.flat().map((i) => i.role)
    expect(roles).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'undo', 'redo']))
    expect(roles).not.toContain('reload')
    expect(roles).not.toContain('toggleDevTools')
    menu.find('Copy diagnostics')?.click?.()
    await vi.waitFor(() => expect(electronMock.clipboard.readText()).toBe('{"version":"0.1.0-test"}'))
    expect(session.invoke).toHaveBeenCalledWith('app.diagnostics', {})
    menu.find('AgentPhone documentation')?.click?.()
    expect(electronMock.shell.openExternal).toHaveBeenCalledWith('https://docs.agentphone.to')
  })

  it('logs to a file in the data folder, and shows a tray', async () => {
    await boot()
    await vi.waitFor(() => expect(existsSync(path.join(app.getPath('userData'), 'logs'))).toBe(true))
    expect(electronMock.Tray.instances).toHaveLength(1)
  })

  it('remembers where the window was, and puts it back only on a display that still exists', async () => {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'profile-'))
    const twoScreens = [
      { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1080 } },
      { id: 2, bounds: { x: 1920, y: 0, width: 1920, height: 1080 }, workArea: { x: 1920, y: 0, width: 1920, height: 1080 } }
    ]
    const withProfile = (displays?: typeof twoScreens) => () => {
      app.switches.set('user-data-dir', profile)
      if (displays) electronMock.screen.setDisplays(displays)
    }
    await boot({ before: withProfile(twoScreens) })
    const first = BrowserWindow.instances[0]!
    first.setBounds({ x: 2200, y: 100, width: 1300, height: 900 })
    first.maximize()
    first.close()
    // Both monitors still there: back on the second one, maximised.
    await boot({ before: withProfile(twoScreens) })
    expect(BrowserWindow.instances[0]!.getBounds()).toEqual({ x: 2200, y: 100, width: 1300, height: 900 })
    expect(BrowserWindow.instances[0]!.isMaximized()).toBe(true)
    // The second monitor is gone: same size, but on the screen that is left.
    await boot({ before: withProfile() })
    const bounds = BrowserWindow.instances[0]!.getBounds()
    expect(bounds).toMatchObject({ width: 1300, height: 900 })
    expect(bounds.x).toBeLessThan(1920 - 100)
  })

  it('guards every webContents Electron creates', async () => {
    const electron = await boot()
    const contents = new electron.MockWebContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' })
    expect(contents.attempt('will-navigate', 'https://x.example')).toBe(true)
  })

  it('reports a failed start and exits', async () => {
    startSession.mockRejectedValueOnce(new Error('port in use'))
    const electron = await boot()
    await vi.waitFor(() => expect(app.exit).toHaveBeenCalledWith(1))
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Switchboard could not start', 'port in use')
    expect(existsSync(app.getPath('userData'))).toBe(true)
  })
})
