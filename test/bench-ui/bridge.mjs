// A minimal client for the headless shell's WebSocket bridge (src-preload/contract.ts, the wire format):
// numbered calls with answers, plus every pushed event handed to one listener.
import WebSocket from 'ws'

export async function connectBridge(url, onEvent) {
  const ws = new WebSocket(url)
  await new Promise((resolve, reject) => {
    ws.once('open', resolve)
    ws.once('error', reject)
  })
  const pending = new Map()
  let nextId = 1
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw.toString())
    // Pushed events come batched, one message per flush (src-preload/contract.ts, the wire format).
    if (Array.isArray(msg.events)) {
      for (const e of msg.events) onEvent(e.event, e.data)
      return
    }
    const p = pending.get(msg.id)
    if (!p) return
    pending.delete(msg.id)
    if ('error' in msg) p.reject(Object.assign(new Error(`${p.method}: ${msg.error.message}`), { code: msg.error.code }))
    else p.resolve(msg.result)
  })
  ws.on('close', () => {
    for (const p of pending.values()) p.reject(new Error(`bridge closed before ${p.method} was answered`))
    pending.clear()
  })
  return {
    /** Calls a bridge command; rejects with the bridge's error message when refused. */
    call(method, params = {}) {
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, method })
        ws.send(JSON.stringify({ id, method, params }))
      })
    },
    inFlight: () => pending.size,
    close() {
      ws.close()
    }
  }
}
