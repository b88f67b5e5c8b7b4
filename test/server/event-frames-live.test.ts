import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import type { BridgeEvent } from '../../src-preload/contract'
import type { Logger } from '../../src-main/core/ports'
import { silentLogger, systemClock } from '../../src-main/core/ports'
import { attachBridgeConnection, CLOSE_SLOW_CONSUMER } from '../../src-main/server/bridge-connection'
import { parseWireMessage } from '../../src-renderer/bridge/ws-wire'
import { fakeSession, turnEvent } from './helpers/fake-session'

/** Real sockets both ends: the connection under test on a ws server, a ws client reading it as the renderer does. */
const open: Array<{ close(): void }> = []
afterEach(() => {
  for (const o of open.splice(0)) o.close()
})

async function serve(limits: { maxBufferedBytes: number; maxQueuedEvents: number }, logger: Logger = silentLogger) {
  const session = fakeSession()
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  open.push({ close: () => wss.close() })
  wss.on('connection', (socket) => attachBridgeConnection({ socket, session, clock: systemClock, logger, maxCallsInFlight: 16, ...limits }))
  await new Promise((resolve) => wss.once('listening', resolve))
  const client = new WebSocket(`ws://127.0.0.1:${(wss.address() as AddressInfo).port}`)
  open.push({ close: () => client.terminate() })
  await new Promise((resolve) => client.once('open', resolve))
  await expect.poll(() => session.listenerCount()).toBe(1)
  return { session, client }
}

const nextTask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

describe('event batching on a real WebSocket', () => {
  it('delivers N events, in order, in far fewer messages than events', async () => {
    const { session, client } = await serve({ maxBufferedBytes: 16 * 1024 * 1024, maxQueuedEvents: 10_000 })
    const texts: string[] = []
    let frames = 0
    client.on('message', (data) => {
      frames += 1
      const msg = parseWireMessage(String(data))
      if (msg?.kind === 'events') for (const e of msg.events) texts.push((e.data as { text: string }).text)
    })
    // 3000 events emitted over many event-loop turns, as a busy session emits them.
    for (let n = 0; n < 3000; n += 1) {
      session.emit(turnEvent(n))
      if (n % 20 === 19) await nextTask()
    }
    await expect.poll(() => texts.length).toBe(3000)
    expect(texts).toEqual(Array.from({ length: 3000 }, (_, n) => `line ${n}`))
    expect(frames).toBeLessThan(3000 / 10)
  })

  it('lets go of a client that stops reading: the queue stays capped and the client is closed with 4001', async () => {
    const closes: Array<{ code: unknown; reason: unknown }> = []
    const logger: Logger = { ...silentLogger, warn: (message, fields) => void (message === 'closing bridge client' && closes.push({ code: fields?.code, reason: fields?.reason })) }
    const { session, client } = await serve({ maxBufferedBytes: 256 * 1024, maxQueuedEvents: 200 }, logger)
    client.pause() // stops reading: the kernel's buffers fill, then the server's
    const big = (n: number): BridgeEvent => ({ event: 'transcript.turn', data: { callId: 'call_1', speaker: 'caller', text: `${n} ${'x'.repeat(32 * 1024)}`, at: new Date(0).toISOString() } })
    // Tens of megabytes offered; the loop ends as soon as the server gives up on the client.
    for (let n = 0; n < 4000 && closes.length === 0; n += 1) {
      session.emit(big(n))
      if (n % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 2))
    }
    expect(closes).toHaveLength(1)
    expect(closes[0]!.code).toBe(CLOSE_SLOW_CONSUMER)
    // Given up on at the first event past the cap: no more than that ever waited for it.
    expect(closes[0]!.reason).toBe('client too slow: 201 events waiting')
    const closed = new Promise<number>((resolve) => client.once('close', (code) => resolve(code)))
    client.resume()
    expect([CLOSE_SLOW_CONSUMER, 1006]).toContain(await closed)
    await expect.poll(() => session.listenerCount()).toBe(0)
  })
})
