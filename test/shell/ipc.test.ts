import { LOCAL_OWNER } from '../../src-preload/command-roles'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { BrowserWindow as ElectronWindow, IpcMain } from 'electron'
import type { BridgeEvent } from '../../src-preload/contract'
import { commandNames, EVENTS_CHANNEL } from '../../src-preload/contract'
import { createAppUrlPolicy } from '../../src-main/shell/app-url'
import { bindIpc } from '../../src-main/shell/ipc'
import { fakeClock } from '../server/helpers/fake-clock'
import { fakeSession, turnEvent } from '../server/helpers/fake-session'
import { FOCUS_WINDOW_CHANNEL } from '../../src-preload/shell-channels'
import { BrowserWindow, ipcEvent, ipcMain, makeReady, MockWebFrame, resetElectronMock } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

const policy = createAppUrlPolicy()

async function setup() {
  resetElectronMock()
  await makeReady()
  const window = new BrowserWindow({})
  // Our window shows the app (what a finished load of the app scheme leaves behind).
  window.webContents.mainFrame = new MockWebFrame(policy.entryUrl)
  const session = fakeSession()
  const clock = fakeClock()
  const onFocusRequest = vi.fn()
  const dispose = bindIpc({
    onFocusRequest,
    ipcMain: ipcMain as unknown as IpcMain,
    session,
    window: window as unknown as ElectronWindow,
    isAppUrl: policy.isAppUrl,
    clock
  })
  return { window, session, clock, dispose, onFocusRequest, ours: () => ipcEvent(window.webContents) }
}

let ctx: Awaited<ReturnType<typeof setup>>
beforeEach(async () => {
  ctx = await setup()
})

describe('IPC commands', () => {
  it('registers exactly the contract commands', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...commandNames].sort())
  })

  it('passes a call from our window to the session and returns its result as data', async () => {
    const params = { agentId: 'agt_1', toNumber: '+15550100' }
    await expect(ipcMain.invoke('calls.place', ctx.ours(), params)).resolves.toEqual({ ok: true, value: { echo: { method: 'calls.place', params } } })
    expect(ctx.session.invoke).toHaveBeenCalledWith('calls.place', params, LOCAL_OWNER)
    await expect(ipcMain.invoke('app.status', ctx.ours())).resolves.toMatchObject({ ok: true })
    expect(ctx.session.invoke).toHaveBeenLastCalledWith('app.status', {}, LOCAL_OWNER)
  })

  it('drops calls from a foreign sender without touching the session', async () => {
    const other = new BrowserWindow({})
    other.webContents.mainFrame = new MockWebFrame(policy.entryUrl)
    const sub = new MockWebFrame(policy.entryUrl, ctx.window.webContents.mainFrame)
    const stranger = new MockWebFrame(policy.entryUrl)
    const foreign = [
      ipcEvent(other.webContents),
      ipcEvent(ctx.window.webContents, sub),
      ipcEvent(ctx.window.webContents, stranger),
      ipcEvent(ctx.window.webContents, null)
    ]
    for (const event of foreign) {
      await expect(ipcMain.invoke('calls.list', event, {})).resolves.toMatchObject({ ok: false, error: { code: 'not_available' } })
    }
    // Our own frame, after somehow landing on a foreign page.
    ctx.window.webContents.mainFrame.url = 'https://evil.example/'
    await expect(ipcMain.invoke('calls.list', ctx.ours(), {})).resolves.toMatchObject({ ok: false })
    ctx.window.destroyed = true
    await expect(ipcMain.invoke('calls.list', ipcEvent(ctx.window.webContents), {})).resolves.toMatchObject({ ok: false })
    expect(ctx.session.invoke).not.toHaveBeenCalled()
  })

  it('refuses params that are not a plain object, and unknown channels', async () => {
    for (const params of [null, [1], 'x', 5, new Date(0)]) {
      await expect(ipcMain.invoke('calls.get', ctx.ours(), params)).resolves.toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    }
    await expect(ipcMain.invoke('fs.readFile', ctx.ours(), {})).rejects.toThrow(/No handler registered/)
    expect(ctx.session.invoke).not.toHaveBeenCalled()
  })

  it('raises the window when our page asks (window.focus), and only then', () => {
    ipcMain.emit(FOCUS_WINDOW_CHANNEL, ctx.ours())
    expect(ctx.onFocusRequest).toHaveBeenCalledOnce()
    const other = new BrowserWindow({})
    ipcMain.emit(FOCUS_WINDOW_CHANNEL, ipcEvent(other.webContents))
    ipcMain.emit(FOCUS_WINDOW_CHANNEL, ipcEvent(ctx.window.webContents, new MockWebFrame(policy.entryUrl, ctx.window.webContents.mainFrame)))
    expect(ctx.onFocusRequest).toHaveBeenCalledOnce()
    ctx.dispose()
    ipcMain.emit(FOCUS_WINDOW_CHANNEL, ctx.ours())
    expect(ctx.onFocusRequest).toHaveBeenCalledOnce()
  })

  it('turns a throwing session into an error result, never a throw', async () => {
    ctx.session.invoke.mockRejectedValueOnce(new Error('secret internals'))
    await expect(ipcMain.invoke('calls.list', ctx.ours(), {})).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } })
  })
})

describe('IPC events', () => {
  const batches = () =>
    ctx.window.webContents.sent.map((s) => {
      expect(s.channel).toBe(EVENTS_CHANNEL)
      return s.args[0] as BridgeEvent[]
    })

  it('delivers 1000 quickly pushed events in batches, in order, none lost', () => {
    for (let n = 0; n < 1000; n += 1) ctx.session.emit(turnEvent(n))
    expect(batches()).toHaveLength(0)
    ctx.clock.advance(20)
    const got = batches()
    expect(got.length).toBeGreaterThanOrEqual(1)
    expect(got.length).toBeLessThanOrEqual(2)
    expect(got.flat().map((e) => (e.data as { text: string }).text)).toEqual(Array.from({ length: 1000 }, (_, n) => `line ${n}`))
  })

  it('sends at most ~60 batches a second under a steady stream', () => {
    for (let ms = 0; ms < 1000; ms += 1) {
      ctx.session.emit(turnEvent(ms))
      ctx.clock.advance(1)
    }
    ctx.clock.advance(50)
    expect(batches().length).toBeLessThanOrEqual(61)
    expect(batches().flat()).toHaveLength(1000)
  })

  it('stops sending to a destroyed window, and dispose undoes everything', () => {
    ctx.window.webContents.destroyed = true
    ctx.session.emit(turnEvent(0))
    ctx.clock.advance(50)
    expect(ctx.window.webContents.sent).toHaveLength(0)
    ctx.dispose()
    expect(ipcMain.handlers.size).toBe(0)
    expect(ipcMain.listenerCount(FOCUS_WINDOW_CHANNEL)).toBe(0)
    expect(ctx.session.listenerCount()).toBe(0)
  })
})
