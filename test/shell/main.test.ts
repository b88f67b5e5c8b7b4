import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { commandNames } from '../../src-preload/contract'
import type { SessionHostOptions } from '../../src-main/core/session-host'
import { fakeSession } from '../server/helpers/fake-session'
import * as electronMock from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))
vi.mock('electron-store', () => ({
  default: class {
    private readonly data = new Map<string, unknown>()
    get = (key: string) => this.data.get(key)
    set = (key: string, value: unknown) => void this.data.set(key, value)
    delete = (key: string) => void this.data.delete(key)
  }
}))
const startSession = vi.fn()
vi.mock('../../src-main/core/session-host', () => ({ startSessionHost: startSession }))

type ElectronMock = typeof electronMock

/** Loads main.ts afresh (it runs on import) against a reset electron mock. */
async function boot(options: { lock?: boolean } = {}): Promise<ElectronMock> {
  vi.resetModules()
  const electron = electronMock
  electron.resetElectronMock()
  electron.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true)
  await import('../../src-main/shell/main')
  await vi.waitFor(() => expect(startSession.mock.calls.length + electron.app.quit.mock.calls.length + electron.app.exit.mock.calls.length).toBeGreaterThan(0))
  await new Promise((r) => setTimeout(r, 0))
  return electron
}

let session: ReturnType<typeof fakeSession>
beforeEach(() => {
  session = fakeSession()
  startSession.mockReset()
  startSession.mockImplementation(async () => session)
})
afterEach(() => vi.unstubAllEnvs())

describe('Electron main process', () => {
  it('leaves at once when another instance holds the lock', async () => {
    const electron = await boot({ lock: false })
    expect(electron.app.quit).toHaveBeenCalled()
    expect(startSession).not.toHaveBeenCalled()
    expect(electron.BrowserWindow.instances).toHaveLength(0)
  })

  it('starts a sandbox session, opens one window and binds IPC', async () => {
    vi.stubEnv('AGENTPHONE_API_KEY', '')
    const electron = await boot()
    const options = startSession.mock.calls[0]?.[0] as SessionHostOptions
    expect(options).toMatchObject({ dataDir: '/tmp/switchboard-test-userdata', version: '0.1.0-test' })
    // No saved mode and no key: the host picks (sandbox by default).
    expect(options.mode).toBeUndefined()
    expect(electron.BrowserWindow.instances).toHaveLength(1)
    expect(electron.BrowserWindow.instances[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true })
    expect(electron.ipcMain.handlers.size).toBe(commandNames.length)
  })

  it('hands AGENTPHONE_API_KEY to the host, which decides the mode (core/start-rules.ts)', async () => {
    vi.stubEnv('AGENTPHONE_API_KEY', 'sk_live_env')
    await boot()
    const options = startSession.mock.calls[0]?.[0] as SessionHostOptions
    expect(options.mode).toBeUndefined()
    expect(options.env?.AGENTPHONE_API_KEY).toBe('sk_live_env')
  })

  it('stops the session before quitting', async () => {
    const electron = await boot()
    const stop = vi.spyOn(session, 'stop')
    const first = { preventDefault: vi.fn() }
    electron.app.emit('before-quit', first)
    expect(first.preventDefault).toHaveBeenCalled()
    expect(stop).toHaveBeenCalledOnce()
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled())
    expect(electron.ipcMain.handlers.size).toBe(0)
    const second = { preventDefault: vi.fn() }
    electron.app.emit('before-quit', second)
    expect(second.preventDefault).not.toHaveBeenCalled()
  })

  it('guards every webContents Electron creates', async () => {
    const electron = await boot()
    const contents = new electron.MockWebContents()
    electron.app.emit('web-contents-created', {}, contents)
    expect(contents.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' })
    expect(contents.attempt('will-navigate', 'https://x.example')).toBe(true)
  })

  it('reports a failed start and exits', async () => {
    startSession.mockRejectedValueOnce(new Error('port in use'))
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    const electron = await boot()
    await vi.waitFor(() => expect(electron.app.exit).toHaveBeenCalledWith(1))
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Switchboard could not start', 'port in use')
    quiet.mockRestore()
  })
})
