// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket, WebSocketServer } from 'ws'
import type { AddressInfo } from 'node:net'
import type { BridgeClient } from '../../src-renderer/bridge/bridge-client'
import type { SocketLike } from '../../src-renderer/bridge/ws-bridge'
import { createWsBridge } from '../../src-renderer/bridge/ws-bridge'

/**
 * The client against a real `ws` server over loopback: the same protocol the headless shell
 * speaks ({id, method, params} → {id, result|error}; {events: [{event, data}, …]} pushed).
 */
let server: WebSocketServer | null = null
let client: BridgeClient | null = null

afterEach(async () => {
  client?.close?.()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

function until(check: () => boolean, ms = 3000): Promise<void> {
  const start = Date.now()
  return new Promise((resolve, reject) => {
    const tick = (): void => {
      if (check()) resolve()
      else if (Date.now() - start > ms) reject(new Error('timed out waiting'))
      else setTimeout(tick, 5)
    }
    tick()
  })
}

describe('WebSocket bridge client over a real socket', () => {
  it('calls, receives events, and recovers from a dropped connection', async () => {
    const seenUrls: string[] = []
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 })
    server.on('connection', (sock, req) => {
      seenUrls.push(req.url ?? '')
      sock.on('message', (raw) => {
        const msg = JSON.parse(String(raw)) as { id: number; method: string; params: { text?: string } }
        if (msg.method === 'sandbox.say') {
          sock.send(JSON.stringify({ events: [{ event: 'sandbox.heard', data: { callId: 'c1', text: `echo ${msg.params.text}`, interim: false } }] }))
          sock.send(JSON.stringify({ id: msg.id, result: {} }))
        } else if (msg.method === 'calls.end') {
          sock.terminate() // drop without answering
        } else {
          sock.send(JSON.stringify({ id: msg.id, error: { code: 'unknown_method', message: `no ${msg.method}` } }))
        }
      })
    })
    await new Promise((r) => server!.once('listening', r))
    const port = (server.address() as AddressInfo).port

    const bridge = createWsBridge({
      url: `ws://127.0.0.1:${port}/bridge?token=t0k`,
      socketFactory: (url) => new WebSocket(url) as unknown as SocketLike,
      backoffMs: () => 20
    })
    client = bridge
    const heard: string[] = []
    bridge.on('sandbox.heard', (d) => heard.push(d.text))

    await expect(bridge.invoke('sandbox.say', { callId: 'c1', text: 'hello' })).resolves.toEqual({ ok: true, value: {} })
    expect(heard).toEqual(['echo hello'])
    expect(seenUrls).toEqual(['/bridge?token=t0k'])
    await expect(bridge.invoke('usage.summary', {})).resolves.toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'no usage.summary' }
    })

    const dropped = await bridge.invoke('calls.end', { callId: 'c1' })
    expect(dropped.ok).toBe(false)
    if (!dropped.ok) expect(dropped.error.code).toBe('not_available')

    await until(() => bridge.connectionState?.() === 'open' && seenUrls.length === 2)
    await expect(bridge.invoke('sandbox.say', { callId: 'c1', text: 'again' })).resolves.toEqual({ ok: true, value: {} })
    expect(heard).toEqual(['echo hello', 'echo again'])
  })
})
