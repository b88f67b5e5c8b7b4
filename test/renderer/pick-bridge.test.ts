import { afterEach, describe, expect, it, vi } from 'vitest'
import type { BridgeApi } from '../../src-preload/contract'
import { pickBridge } from '../../src-renderer/bridge/pick-bridge'

const win = window as { switchboard?: BridgeApi }

afterEach(() => {
  delete win.switchboard
  vi.unstubAllGlobals()
  history.replaceState(null, '', '/')
})

describe('pickBridge', () => {
  it('uses the preload IPC bridge when window.switchboard exists', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, value: { callId: 'c9' } }))
    win.switchboard = { invoke, on: () => () => undefined } as unknown as BridgeApi
    const bridge = pickBridge()
    expect(bridge.transport).toBe('ipc')
    await expect(bridge.invoke('sandbox.dial', { to: '+14155550100' })).resolves.toEqual({ ok: true, value: { callId: 'c9' } })
    expect(invoke).toHaveBeenCalledWith('sandbox.dial', { to: '+14155550100' })
  })

  it('opens the WebSocket on this host with the token from the URL fragment', () => {
    const urls: string[] = []
    vi.stubGlobal(
      'WebSocket',
      class {
        constructor(url: string) {
          urls.push(url)
        }
        send(): void {}
        close(): void {}
      }
    )
    history.replaceState(null, '', '/#token=tok123')
    const bridge = pickBridge()
    expect(bridge.transport).toBe('ws')
    expect(urls).toEqual([`ws://${location.host}/bridge?token=tok123`])
    expect(location.hash).toBe('')
    bridge.close?.()
  })

  it('without a token, says how to get one instead of connecting', async () => {
    const bridge = pickBridge()
    expect(bridge.connectionState?.()).toBe('no-token')
    const r = await bridge.invoke('app.status', {})
    expect(r.ok).toBe(false)
  })

  it('in the Electron window without the preload, says the window failed instead of pointing at a serve link', async () => {
    vi.stubGlobal('location', { protocol: 'switchboard:', host: 'app', hash: '', href: 'switchboard://app/index.html' })
    const r = await pickBridge().invoke('app.status', {})
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toMatch(/window's bridge to Switchboard did not load/)
  })
})
