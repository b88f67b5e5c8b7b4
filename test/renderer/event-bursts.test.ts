import { describe, expect, it } from 'vitest'
import type { SocketLike } from '../../src-renderer/bridge/ws-bridge'
import { createWsBridge } from '../../src-renderer/bridge/ws-bridge'
import { createAppStore } from '../../src-renderer/store/create-store'
import { startStore } from '../../src-renderer/store/start-store'
import { makeCall } from './helpers/fake-bridge'

/** A socket the test feeds by hand. */
class HandSocket implements SocketLike {
  sent: Array<{ id: number; method: string }> = []
  onopen: SocketLike['onopen'] = null
  onmessage: SocketLike['onmessage'] = null
  onclose: SocketLike['onclose'] = null
  onerror: SocketLike['onerror'] = null
  send(data: string): void {
    this.sent.push(JSON.parse(data) as { id: number; method: string })
  }
  close(): void {}
  receive(msg: unknown): void {
    this.onmessage?.({ data: JSON.stringify(msg) })
  }
}

/** A bridge whose event bursts are delivered when the test says the frame came. */
function burstyBridge() {
  const socket = new HandSocket()
  let frame: (() => void) | null = null
  const bridge = createWsBridge({
    url: 'ws://127.0.0.1:9/bridge?token=abc',
    socketFactory: () => socket,
    scheduleEvents: (flush) => (frame = flush)
  })
  socket.onopen?.({})
  return { bridge, socket, nextFrame: () => frame?.() }
}

const line = (callId: string, text: string) => ({ event: 'transcript.turn', data: { callId, speaker: 'caller', text, at: new Date().toISOString() } })

describe('pushed events in bursts', () => {
  it('holds events until the frame, then applies the whole burst as one store update', () => {
    const { bridge, socket, nextFrame } = burstyBridge()
    const store = createAppStore(bridge, null)
    const stop = startStore(store, bridge)
    const call = makeCall()
    let updates = 0
    store.subscribe(() => updates++)

    socket.receive({ event: 'call.started', data: call })
    for (let i = 0; i < 20; i++) socket.receive(line(call.id, `line ${i}`))
    expect(store.getState().calls[call.id]).toBeUndefined()
    expect(updates).toBe(0)

    nextFrame()
    expect(updates).toBe(1)
    expect(store.getState().calls[call.id]).toEqual(call)
    expect(store.getState().transcripts[call.id]?.map((l) => l.text)).toEqual(Array.from({ length: 20 }, (_, i) => `line ${i}`))
    stop()
  })

  it('applies events that came before an answer first, so a list answer is never overtaken by an older event', async () => {
    const { bridge, socket } = burstyBridge()
    const seen: string[] = []
    bridge.on('transcript.turn', (d) => seen.push(d.text))
    const status = bridge.invoke('app.status', {})
    socket.receive(line('c', 'before the answer'))
    socket.receive({ id: socket.sent[0]?.id, result: {} })
    expect(seen).toEqual(['before the answer'])
    await status
  })
})
