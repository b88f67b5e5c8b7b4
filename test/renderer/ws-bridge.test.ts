import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ScriptedSocket } from './helpers/scripted-socket'
import { checkTokenWith, createWsBridge, DISCONNECTED_MESSAGE, TOKEN_REFUSED_MESSAGE, type TokenVerdict } from '../../src-renderer/bridge/ws-bridge'

function setup(requestTimeoutMs = 30_000, checkToken?: () => Promise<TokenVerdict>) {
  const sockets: ScriptedSocket[] = []
  const states: string[] = []
  const bridge = createWsBridge({
    ...(checkToken ? { checkToken } : {}),
    url: 'ws://127.0.0.1:9/bridge?token=abc',
    socketFactory: (url) => {
      const s = new ScriptedSocket(url)
      sockets.push(s)
      return s
    },
    backoffMs: (n) => 100 * 2 ** n,
    requestTimeoutMs
  })
  bridge.onConnectionChange?.((s) => states.push(s))
  const last = (): ScriptedSocket => sockets[sockets.length - 1]!
  return { bridge, sockets, states, last }
}

describe('WebSocket bridge client', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('queues calls until the socket opens, then matches answers to calls by id', async () => {
    const { bridge, last } = setup()
    expect(last().url).toBe('ws://127.0.0.1:9/bridge?token=abc')
    const status = bridge.invoke('app.status', {})
    const list = bridge.invoke('calls.list', { live: true })
    expect(last().sent).toEqual([])
    last().open()
    expect(last().sent).toEqual([
      { id: 1, method: 'app.status', params: {} },
      { id: 2, method: 'calls.list', params: { live: true } }
    ])
    // Answers may come back in any order.
    last().receive({ id: 2, result: { items: [], total: 0 } })
    last().receive({ id: 1, error: { code: 'internal', message: 'boom' } })
    await expect(list).resolves.toEqual({ ok: true, value: { items: [], total: 0 } })
    await expect(status).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'boom' } })
  })

  it('turns a malformed error into a refused result and ignores junk', async () => {
    const { bridge, last } = setup()
    last().open()
    const p = bridge.invoke('turns.reply', { turnId: 't', text: 'x' })
    last().receive('not json')
    last().receive({ id: 999, result: {} })
    last().receive({ id: 1, error: { code: 'weird_code', message: 'refused for reasons' } })
    await expect(p).resolves.toEqual({ ok: false, error: { code: 'internal', message: 'refused for reasons' } })
  })

  it('delivers events to their handlers until unsubscribed', () => {
    const { bridge, last } = setup()
    last().open()
    const seen: string[] = []
    const off = bridge.on('transcript.turn', (d) => seen.push(d.text))
    bridge.on('call.started', () => seen.push('wrong handler'))
    last().receive({ event: 'transcript.turn', data: { callId: 'c', speaker: 'caller', text: 'hello', at: 'now' } })
    off()
    last().receive({ event: 'transcript.turn', data: { callId: 'c', speaker: 'caller', text: 'after off', at: 'now' } })
    expect(seen).toEqual(['hello'])
  })

  it('fails pending calls on disconnect, refuses new ones while down, and reconnects with backoff', async () => {
    const { bridge, sockets, states, last } = setup()
    last().open()
    const pending = bridge.invoke('sandbox.say', { callId: 'c', text: 'hi' })
    last().drop()
    await expect(pending).resolves.toEqual({ ok: false, error: { code: 'not_available', message: DISCONNECTED_MESSAGE } })
    expect(bridge.connectionState?.()).toBe('reconnecting')
    const whileDown = await bridge.invoke('app.status', {})
    expect(whileDown.ok).toBe(false)
    expect(last().sent).toHaveLength(1) // nothing new was written to the dead socket

    vi.advanceTimersByTime(99)
    expect(sockets).toHaveLength(1)
    vi.advanceTimersByTime(1)
    expect(sockets).toHaveLength(2)
    last().drop() // the second attempt fails too: the next wait doubles
    vi.advanceTimersByTime(199)
    expect(sockets).toHaveLength(2)
    vi.advanceTimersByTime(1)
    expect(sockets).toHaveLength(3)
    last().open()
    expect(states).toEqual(['open', 'reconnecting', 'open'])

    const again = bridge.invoke('app.status', {})
    expect(last().sent).toEqual([{ id: 2, method: 'app.status', params: {} }])
    last().receive({ id: 2, result: { mode: 'sandbox' } })
    await expect(again).resolves.toEqual({ ok: true, value: { mode: 'sandbox' } })
  })

  it('fails a call that gets no answer in time instead of hanging', async () => {
    const { bridge, last } = setup(1_000)
    last().open()
    const p = bridge.invoke('calls.end', { callId: 'c' })
    vi.advanceTimersByTime(1_000)
    const r = await p
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.message).toContain('calls.end')
  })

  it('stops reconnecting once closed', () => {
    const { bridge, sockets, last } = setup()
    last().open()
    bridge.close?.()
    expect(sockets[0]?.closed).toBe(true)
    vi.advanceTimersByTime(60_000)
    expect(sockets).toHaveLength(1)
  })

  it('keeps reconnecting while the server is down, then stops and says so once it refuses the token', async () => {
    const verdicts: TokenVerdict[] = ['unreachable', 'refused']
    const checkToken = vi.fn(async () => verdicts.shift() ?? 'refused')
    const { bridge, sockets, states, last } = setup(30_000, checkToken)
    last().open()
    last().drop() // the server restarts
    await vi.advanceTimersByTimeAsync(0)
    expect(checkToken).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(100)
    expect(sockets).toHaveLength(2) // unreachable: try again
    last().drop() // up again, but the upgrade is refused: it came back with a new token
    await vi.advanceTimersByTimeAsync(0)
    expect(states).toEqual(['open', 'reconnecting', 'token-refused'])
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sockets).toHaveLength(2) // no more knocking with a dead token
    await expect(bridge.invoke('app.status', {})).resolves.toEqual({ ok: false, error: { code: 'not_available', message: TOKEN_REFUSED_MESSAGE } })
  })

  it('reconnects as usual when the server still accepts the token', async () => {
    const { sockets, states, last } = setup(30_000, async () => 'accepted')
    last().open()
    last().drop()
    await vi.advanceTimersByTimeAsync(100)
    expect(sockets).toHaveLength(2)
    last().open()
    expect(states).toEqual(['open', 'reconnecting', 'open'])
  })
})

describe('checkTokenWith', () => {
  it('sends the token in a header, never in the URL, and reads 204/401/anything else', async () => {
    const calls: Array<[string, RequestInit | undefined]> = []
    const answer = (status: number) =>
      (async (url: string, init?: RequestInit) => {
        calls.push([url, init])
        return new Response(null, { status })
      }) as unknown as typeof fetch
    expect(await checkTokenWith('t0k', answer(204))).toBe('accepted')
    expect(await checkTokenWith('t0k', answer(401))).toBe('refused')
    expect(await checkTokenWith('t0k', answer(502))).toBe('unreachable')
    expect(await checkTokenWith('t0k', (async () => Promise.reject(new TypeError('down'))) as unknown as typeof fetch)).toBe('unreachable')
    expect(calls[0]?.[0]).toBe('/bridge/token')
    expect(calls[0]?.[1]?.headers).toEqual({ authorization: 'Bearer t0k' })
  })
})
