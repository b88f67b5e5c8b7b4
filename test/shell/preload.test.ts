import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { BridgeApi } from '../../src-preload/contract'
import { EVENTS_CHANNEL } from '../../src-preload/contract'
import { FOCUS_WINDOW_CHANNEL } from '../../src-preload/shell-channels'
import { contextBridge, ipcRenderer, mainWorld, resetElectronMock } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

let api: BridgeApi

beforeAll(async () => {
  resetElectronMock()
  await import('../../src-preload/index')
  // What the page gets: a frozen copy whose functions are proxies, not the preload's own object.
  api = mainWorld.globals.switchboard as BridgeApi
})

describe('preload', () => {
  it('exposes only invoke and on, as window.switchboard', () => {
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
    expect(Object.keys(mainWorld.globals).sort()).toEqual(['focus', 'switchboard'])
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on'])
    expect(Object.values(api).every((v) => typeof v === 'function')).toBe(true)
    expect(Object.values(api)).not.toContain(ipcRenderer)
    expect(Object.values(api)).not.toContain(ipcRenderer.invoke)
  })

  it('refuses unknown methods without touching IPC', async () => {
    ipcRenderer.invoke.mockClear()
    const call = api.invoke as (method: string, params: unknown) => Promise<unknown>
    for (const method of ['fs.readFile', 'electron-store-get-data', '__proto__', 'constructor']) {
      await expect(call(method, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    }
    expect(ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('invokes known methods over their own channel and turns rejections into data', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { callId: 'call_1' } })
    await expect(api.invoke('sandbox.dial', { to: '+15550100' })).resolves.toEqual({ ok: true, value: { callId: 'call_1' } })
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('sandbox.dial', { to: '+15550100' })
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'sandbox.dial'"))
    await expect(api.invoke('sandbox.dial', { to: '+1' })).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('dispatches each event of a batch to its handlers until unsubscribed', () => {
    const opened = vi.fn()
    const broken = vi.fn(() => {
      throw new Error('view bug')
    })
    const heard = vi.fn()
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    api.on('turn.opened', broken)
    const off = api.on('turn.opened', opened)
    api.on('sandbox.heard', heard)
    const turn = { turnId: 't1', callId: 'c1', transcript: 'hi', deadline: '2025-01-01T00:00:00Z' }
    const said = { callId: 'c1', text: 'hello', interim: false }
    ipcRenderer.emit(EVENTS_CHANNEL, {}, [
      { event: 'turn.opened', data: turn },
      { event: 'sandbox.heard', data: said },
      { event: 'nope', data: 1 },
      null
    ])
    expect(opened).toHaveBeenCalledWith(turn)
    expect(heard).toHaveBeenCalledWith(said)
    expect(errors).toHaveBeenCalledOnce()
    off()
    ipcRenderer.emit(EVENTS_CHANNEL, {}, [{ event: 'turn.opened', data: turn }])
    ipcRenderer.emit(EVENTS_CHANNEL, {}, 'not a batch')
    expect(opened).toHaveBeenCalledOnce()
    expect(broken).toHaveBeenCalledTimes(2)
    const unknown = (api.on as (e: string, h: () => void) => () => void)('no.such.event', vi.fn())
    expect(typeof unknown).toBe('function')
    errors.mockRestore()
  })

  it('listens on the events channel exactly once', () => {
    expect(ipcRenderer.listenerCount(EVENTS_CHANNEL)).toBe(1)
  })

  it("makes the page's window.focus() ask the main process to raise the window", () => {
    const focus = mainWorld.globals.focus as () => void
    focus()
    expect(ipcRenderer.sentToMain).toEqual([{ channel: FOCUS_WINDOW_CHANNEL, args: [] }])
  })
})
