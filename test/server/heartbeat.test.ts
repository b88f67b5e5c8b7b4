import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import type { Caller } from '../../src-preload/command-roles'
import { silentLogger } from '../../src-main/core/ports'
import { attachBridgeConnection, CLOSE_LINK_REVOKED } from '../../src-main/server/bridge-connection'
import { fakeClock } from './helpers/fake-clock'
import { fakeSession } from './helpers/fake-session'
import { FakeSocket } from './helpers/fake-socket'

function setup(caller: () => Caller | null = () => ({ id: 'p_1', name: 'Grace', role: 'operator', local: false })) {
  const socket = new FakeSocket()
  const clock = fakeClock()
  const session = fakeSession()
  const handle = attachBridgeConnection({ socket: socket as unknown as WebSocket, session, clock, logger: silentLogger, maxBufferedBytes: 1 << 20, maxCallsInFlight: 16, caller })
  return { socket, clock, session, handle }
}

const message = (socket: FakeSocket, value: unknown) => socket.emit('message', Buffer.from(JSON.stringify(value)), false)

describe('server heartbeat', () => {
  it('pings every 10 s and cuts a connection silent for 30 s', () => {
    const { socket, clock } = setup()
    clock.advance(20_000)
    expect(socket.pings).toBe(2)
    expect(socket.terminated).toBe(false)
    clock.advance(10_000)
    expect(socket.terminated).toBe(true)
  })

  it('keeps a connection that answers pings (or sends anything), then cuts it within 30 s of its last word', () => {
    const { socket, clock } = setup()
    for (let i = 0; i < 12; i++) {
      clock.advance(10_000)
      socket.emit('pong')
    }
    message(socket, { heartbeat: 1 }) // the page's own heartbeat counts too
    expect(socket.terminated).toBe(false)
    clock.advance(29_999)
    expect(socket.terminated).toBe(false)
    clock.advance(1)
    expect(socket.terminated).toBe(true)
  })

  it('echoes the page’s app-level heartbeat at once, without running anything', () => {
    const { socket, session } = setup()
    message(socket, { heartbeat: 42 })
    expect(socket.sent).toEqual(['{"heartbeat":42}'])
    expect(session.invoke).not.toHaveBeenCalled()
  })

  it('stops pinging once the socket closed', () => {
    const { socket, clock } = setup()
    socket.emit('close', 1000, Buffer.alloc(0))
    clock.advance(60_000)
    expect(socket.pings).toBe(0)
    expect(clock.pending()).toBe(0)
  })
})

describe('a revoked connection', () => {
  it('is closed by its handle with the revoked code, then cut if it does not answer, and runs nothing more', async () => {
    const { socket, clock, session, handle } = setup()
    handle.close(CLOSE_LINK_REVOKED, 'this link was revoked')
    expect(socket.closedWith).toEqual([CLOSE_LINK_REVOKED, 'this link was revoked'])
    message(socket, { id: 1, method: 'turns.list' })
    await Promise.resolve()
    expect(session.invoke).not.toHaveBeenCalled()
    clock.advance(500)
    expect(socket.terminated).toBe(true)
  })

  it('is refused and closed when its person is gone by the time a call arrives', async () => {
    let person: Caller | null = { id: 'p_1', name: 'Grace', role: 'operator', local: false }
    const { socket, session } = setup(() => person)
    person = null
    message(socket, { id: 1, method: 'turns.list' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(session.invoke).not.toHaveBeenCalled()
    expect(socket.closedWith?.[0]).toBe(CLOSE_LINK_REVOKED)
  })
})

describe('heartbeat over a real WebSocket', () => {
  it('cuts a client that stops answering pings (a sleeping laptop)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { WebSocket: Client } = await import('ws')
    const { startHeadlessServer } = await import('../../src-main/server/headless-server')
    const web = mkdtempSync(join(tmpdir(), 'sb-hb-'))
    writeFileSync(join(web, 'index.html'), '<!doctype html>')
    // Short limits on the real clock: the test waits for the close, it never sleeps.
    const server = await startHeadlessServer({ session: fakeSession(), staticDir: web, token: 't'.repeat(64), heartbeat: { intervalMs: 40, timeoutMs: 120 } })
    try {
      const open = (autoPong: boolean) =>
        new Promise<InstanceType<typeof Client>>((resolve, reject) => {
          const ws = new Client(server.bridgeUrl, { autoPong })
          ws.once('open', () => resolve(ws))
          ws.once('error', reject)
        })
      const asleep = await open(false)
      let pinged = 0
      asleep.on('ping', () => (pinged += 1))
      const code = await new Promise<number>((resolve) => asleep.once('close', (c) => resolve(c)))
      expect(code).toBe(1006) // cut, not a polite close: the other end is not listening
      expect(pinged).toBeGreaterThan(0)
    } finally {
      await server.close()
    }
  })
})
