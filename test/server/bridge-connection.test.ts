import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { attachBridgeConnection, CLOSE_SLOW_CONSUMER, CLOSE_TOO_MANY_CALLS } from '../../src-main/server/bridge-connection'
import { silentLogger } from '../../src-main/core/ports'
import { fakeClock } from './helpers/fake-clock'
import { fakeSession, turnEvent } from './helpers/fake-session'
import { FakeSocket } from './helpers/fake-socket'

function setup(maxCallsInFlight = 256) {
  const socket = new FakeSocket()
  const clock = fakeClock()
  const session = fakeSession(() => new Promise(() => {}))
  attachBridgeConnection({
    socket: socket as unknown as WebSocket,
    session,
    clock,
    logger: silentLogger,
    maxBufferedBytes: 1000,
    maxCallsInFlight
  })
  return { socket, clock, session }
}

describe('bridge connection', () => {
  it('flushes events at most ~60 times a second, each event its own message', () => {
    const { socket, clock, session } = setup()
    let flushes = 0
    let lastCount = 0
    for (let ms = 0; ms < 1000; ms += 1) {
      for (let k = 0; k < 3; k += 1) session.emit(turnEvent(ms * 3 + k))
      clock.advance(1)
      if (socket.sent.length !== lastCount) flushes += 1
      lastCount = socket.sent.length
    }
    clock.advance(100)
    expect(socket.sent).toHaveLength(3000)
    expect(socket.sent.map((s) => (JSON.parse(s) as { data: { text: string } }).data.text)).toEqual(
      Array.from({ length: 3000 }, (_, n) => `line ${n}`)
    )
    expect(flushes).toBeLessThanOrEqual(61)
    expect(flushes).toBeGreaterThan(30)
  })

  it('closes a client whose send buffer grows past the limit, then terminates it', () => {
    const { socket, clock, session } = setup()
    session.emit(turnEvent(1))
    clock.advance(20)
    expect(socket.sent).toHaveLength(1)
    socket.bufferedAmount = 5000
    session.emit(turnEvent(2))
    clock.advance(20)
    expect(socket.sent).toHaveLength(1)
    expect(socket.closedWith?.[0]).toBe(CLOSE_SLOW_CONSUMER)
    expect(socket.terminated).toBe(false)
    clock.advance(2500)
    expect(socket.terminated).toBe(true)
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
