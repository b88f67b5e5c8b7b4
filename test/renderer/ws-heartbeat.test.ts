import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CLOSE_LINK_REVOKED, createWsBridge, REVOKED_MESSAGE } from '../../src-renderer/bridge/ws-bridge'
import { ScriptedSocket } from './helpers/scripted-socket'

function setup() {
  const sockets: ScriptedSocket[] = []
  const states: string[] = []
  const bridge = createWsBridge({
    url: 'ws://127.0.0.1:9/bridge?token=abc',
    socketFactory: (url) => {
      const s = new ScriptedSocket(url)
      sockets.push(s)
      return s
    },
    backoffMs: () => 500
  })
  bridge.onConnectionChange?.((s) => states.push(s))
  const last = (): ScriptedSocket => sockets[sockets.length - 1]!
  return { bridge, sockets, states, last }
}

const beats = (s: ScriptedSocket) => s.sent.filter((m) => 'heartbeat' in m).length

describe('the page’s heartbeat', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('tells the hub it is there every 10 s (pages cannot send pings)', () => {
    const { last } = setup()
    last().open()
    vi.advanceTimersByTime(9_999)
    expect(beats(last())).toBe(0)
    vi.advanceTimersByTime(1)
    expect(beats(last())).toBe(1)
    last().receive({ heartbeat: 1 })
    vi.advanceTimersByTime(10_000)
    expect(beats(last())).toBe(2)
  })

  it('says Offline once the hub has been silent past 30 s, fails what was pending, and reconnects', async () => {
    const { bridge, states, sockets, last } = setup()
    last().open()
    vi.advanceTimersByTime(20_000)
    last().receive({ heartbeat: 1 }) // the hub answered: the silence starts again from here
    vi.advanceTimersByTime(30_000)
    expect(states).toEqual(['open'])
    const pending = bridge.invoke('calls.list', {})
    vi.advanceTimersByTime(1_000)
    expect(states).toEqual(['open', 'offline'])
    expect(bridge.connectionState?.()).toBe('offline')
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'not_available' } })
    expect(sockets[0]!.closed).toBe(true)
    // Still offline while the hub stays unreachable.
    vi.advanceTimersByTime(500)
    expect(sockets).toHaveLength(2)
    last().drop()
    expect(bridge.connectionState?.()).toBe('offline')
    vi.advanceTimersByTime(500)
    last().open()
    expect(states.at(-1)).toBe('open')
  })

  it('after the laptop slept, asks the hub once more and says Offline only if it does not answer', () => {
    const { states, last } = setup()
    last().open()
    // The machine slept for a minute: timers stood still, then the next tick comes late.
    vi.setSystemTime(Date.now() + 60_000)
    vi.advanceTimersByTime(1_000)
    expect(states).toEqual(['open'])
    expect(beats(last())).toBe(1) // the probe
    vi.advanceTimersByTime(4_000)
    expect(states).toEqual(['open'])
    vi.advanceTimersByTime(1_000)
    expect(states).toEqual(['open', 'offline'])
  })

  it('stays connected when a throttled background tab wakes and the hub answers the probe', () => {
    const { states, last } = setup()
    last().open()
    vi.setSystemTime(Date.now() + 60_000)
    vi.advanceTimersByTime(1_000)
    last().receive({ heartbeat: 1 })
    vi.advanceTimersByTime(20_000)
    expect(states).toEqual(['open'])
  })
})

describe('a revoked link', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('stops knocking and says so when the hub closes the socket as revoked', async () => {
    const { bridge, states, sockets, last } = setup()
    last().open()
    last().drop(CLOSE_LINK_REVOKED)
    expect(states).toEqual(['open', 'revoked'])
    vi.advanceTimersByTime(60_000)
    expect(sockets).toHaveLength(1)
    await expect(bridge.invoke('turns.list', {})).resolves.toEqual({ ok: false, error: { code: 'not_available', message: REVOKED_MESSAGE } })
  })
})
