import { WebSocket } from 'ws'
import { parseWireMessage } from '../../src-renderer/bridge/ws-wire'

/** One command over the shell's bridge, as a script would send it: connect, call, read the answer, close. */
export async function bridgeCall<T>(bridgeUrl: string, method: string, params: object = {}): Promise<T> {
  const ws = new WebSocket(bridgeUrl)
  try {
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
    return await new Promise<T>((resolve, reject) => {
      ws.on('message', (data) => {
        const msg = parseWireMessage(String(data))
        if (msg?.kind !== 'answer' || msg.id !== 1) return
        if (msg.result.ok) resolve(msg.result.value as T)
        else reject(new Error(`${method}: ${msg.result.error.message}`))
      })
      ws.send(JSON.stringify({ id: 1, method, params }))
    })
  } finally {
    ws.close()
  }
}
