import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import type { BridgeResult } from '../../src-preload/contract'
import { attachBridgeConnection, CLOSE_SLOW_CONSUMER, CLOSE_TOO_MANY_CALLS } from '../../src-main/server/bridge-connection'
import { silentLogger } from '../../src-main/core/ports'
import { fakeClock } from './helpers/fake-clock'
import { fakeSession, turnEvent } from './helpers/fake-session'
import { FakeSocket } from './helpers/fake-socket'

function setup(maxCallsInFlight = 256, maxQueuedEvents = 10_000, answers: Record<string, BridgeResult<unknown>> = {}) {
  const socket = new FakeSocket()
  const clock = fakeClock()
  const session = fakeSession((method) => answers[method] ?? new Promise(() => {}))
  attachBridgeConnection({
    socket: socket as unknown as WebSocket,
    session,
    clock,
    logger: silentLogger,
    maxBufferedBytes: 1000,
    maxCallsInFlight,
    maxQueuedEvents
  })
  return { socket, clock, session }
}

describe('bridge connection', () => {
  it('flushes at most ~60 times a second, one message per flush holding every event in order', () => {
    const { socket, clock, session } = setup()
    for (let ms = 0; ms < 1000; ms += 1) {
      for (let k = 0; k < 3; k += 1) session.emit(turnEvent(ms * 3 + k))
      clock.advance(1)
    }
    clock.advance(100)
    const frames = socket.sent.map((s) => JSON.parse(s) as { events: Array<{ event: string; data: { text: string } }> })
    const events = frames.flatMap((f) => f.events)
    expect(events.map((e) => e.data.text)).toEqual(Array.from({ length: 3000 }, (_, n) => `line ${n}`))
    expect(events.every((e) => e.event === 'transcript.turn')).toBe(true)
    // 3000 events, one socket write per flush: no more writes than flushes allowed in a second.
    expect(frames.length).toBeLessThanOrEqual(61)
    expect(frames.length).toBeGreaterThan(30)
  })

  it('holds events while the socket is backed up and sends them as one message once it drains', () => {
    const { socket, clock, session } = setup()
    session.emit(turnEvent(0))
    clock.advance(20)
    expect(socket.sent).toHaveLength(1)
    socket.bufferedAmount = 600 // past the high-water mark (half the 1000-byte limit)
    for (let n = 1; n <= 50; n += 1) {
      session.emit(turnEvent(n))
      clock.advance(5)
    }
    clock.advance(50)
    expect(socket.sent).toHaveLength(1)
    socket.bufferedAmount = 0
    clock.advance(20)
    expect(socket.sent).toHaveLength(2)
    const texts = (JSON.parse(socket.sent[1]!) as { events: Array<{ data: { text: string } }> }).events.map((e) => e.data.text)
    expect(texts).toEqual(Array.from({ length: 50 }, (_, n) => `line ${n + 1}`))
    expect(socket.closedWith).toBeNull()
  })

  it('caps what waits for a client that stops reading: past the cap it is closed (4001), then terminated', () => {
    const { socket, clock, session } = setup(256, 100)
    socket.bufferedAmount = 600
    for (let n = 0; n < 100; n += 1) session.emit(turnEvent(n))
    clock.advance(20)
    expect(socket.closedWith).toBeNull()
    session.emit(turnEvent(100))
    clock.advance(20)
    expect(socket.sent).toHaveLength(0)
    expect(socket.closedWith).toEqual([CLOSE_SLOW_CONSUMER, 'client too slow: 101 events waiting'])
    // Nothing more is queued for it, however much the session goes on emitting.
    for (let n = 0; n < 1000; n += 1) session.emit(turnEvent(n))
    clock.advance(100)
    expect(socket.sent).toHaveLength(0)
    expect(socket.terminated).toBe(false)
    clock.advance(2500)
    expect(socket.terminated).toBe(true)
  })

  it('closes a client whose send buffer passes the hard limit on an answer', async () => {
    const { socket } = setup(256, 100, { 'app.status': { ok: true, value: {} } })
    socket.bufferedAmount = 5000
    socket.emit('message', Buffer.from(JSON.stringify({ id: 1, method: 'app.status' })), false)
    await new Promise((resolve) => setImmediate(resolve))
    expect(socket.sent).toHaveLength(0)
    expect(socket.closedWith?.[0]).toBe(CLOSE_SLOW_CONSUMER)
  })

  it('closes a client that keeps too many calls open', async () => {
    const { socket } = setup(2)
    for (let id = 1; id <= 3; id += 1) socket.emit('message', Buffer.from(JSON.stringify({ id, method: 'app.status' })), false)
    await Promise.resolve()
    expect(socket.closedWith?.[0]).toBe(CLOSE_TOO_MANY_CALLS)
  })

  it('releases its session subscription when the socket closes', () => {
    const { socket, session } = setup()
    expect(session.listenerCount()).toBe(1)
    socket.emit('close', 1000, Buffer.alloc(0))
    expect(session.listenerCount()).toBe(0)
  })
})
