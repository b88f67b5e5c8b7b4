import { WebSocket } from 'ws'
import { parseWireMessage } from '../../src-renderer/bridge/ws-wire'

/**
 * Browser stand-ins: real WebSocket clients on the shell's bridge, in a process of their own,
 * reading every message with the renderer's own wire parser (src-renderer/bridge/ws-wire.ts) the
 * way an open console does. The bench sets how many are connected and reads what they saw.
 */
export type ReaderJob = { op: 'connect'; url: string; count: number } | { op: 'stats' }

export interface ReaderStats {
  op: 'stats'
  clients: number
  events: number
  frames: number
  bytes: number
  /** Closes the server initiated, e.g. 4001 for a client that fell too far behind. */
  closes: Array<{ code: number; reason: string }>
}

export function runBridgeReaders(): void {
  let sockets: WebSocket[] = []
  const stats: ReaderStats = { op: 'stats', clients: 0, events: 0, frames: 0, bytes: 0, closes: [] }

  const open = (url: string): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      ws.on('message', (data: Buffer, isBinary) => {
        stats.frames++
        stats.bytes += data.length
        const msg = parseWireMessage(isBinary ? null : data.toString('utf8'))
        if (msg?.kind === 'events') stats.events += msg.events.length
      })
      ws.on('close', (code, reason) => {
        if (code !== 1000 && code !== 1005) stats.closes.push({ code, reason: reason.toString() })
      })
      ws.once('open', () => resolve(ws))
      ws.once('error', reject)
    })

  const setCount = async (url: string, count: number): Promise<void> => {
    while (sockets.length > count) sockets.pop()!.close(1000)
    while (sockets.length < count) sockets.push(await open(url))
    sockets = sockets.filter((s) => s.readyState === WebSocket.OPEN)
    stats.clients = sockets.length
  }

  process.on('message', (job: ReaderJob) => {
    if (job.op === 'stats') return void process.send?.({ ...stats })
    setCount(job.url, job.count).then(
      () => process.send?.({ op: 'connected', clients: sockets.length }),
      (error: unknown) => process.send?.({ error: String(error) })
    )
  })
  process.on('disconnect', () => {
    for (const s of sockets) s.close(1000)
    process.exit(0)
  })
}
