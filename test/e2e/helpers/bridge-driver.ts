import { WebSocket } from 'ws'

export type BridgeEventMessage = { event: string; data: Record<string, unknown> }

/**
 * A script's own connection to the headless shell's bridge: plays the callers and the admin while
 * the person works in the browser. Keeps every pushed event so a test can wait for one.
 */
export class BridgeDriver {
  readonly events: BridgeEventMessage[] = []
  private nextId = 1
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  private waiters = new Set<() => void>()

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { id?: number; result?: unknown; error?: { code: string; message: string }; events?: BridgeEventMessage[] }
      // Pushed events come batched, one message per flush (the contract's wire format).
      if (msg.events) {
        for (const e of msg.events) this.events.push({ event: e.event, data: e.data ?? {} })
        for (const w of [...this.waiters]) w()
        return
      }
      const p = msg.id !== undefined ? this.pending.get(msg.id) : undefined
      if (!p || msg.id === undefined) return
      this.pending.delete(msg.id)
      if (msg.error) p.reject(new Error(`${msg.error.code}: ${msg.error.message}`))
      else p.resolve(msg.result)
    })
  }

  static connect(url: string): Promise<BridgeDriver> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      const driver = new BridgeDriver(ws)
      ws.once('open', () => resolve(driver))
      ws.once('error', reject)
    })
  }

  call<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.ws.send(JSON.stringify({ id, method, params }))
    })
  }

  /** Resolves with the first event (already seen or still to come) that matches. */
  waitFor(event: string, match: (data: Record<string, unknown>) => boolean = () => true, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const hit = this.events.find((e) => e.event === event && match(e.data))
        if (!hit) return false
        this.waiters.delete(onEvent)
        clearTimeout(timer)
        resolve(hit.data)
        return true
      }
      const onEvent = (): void => void check()
      const timer = setTimeout(() => {
        this.waiters.delete(onEvent)
        reject(new Error(`no ${event} event within ${timeoutMs} ms; saw: ${this.events.map((e) => e.event).join(', ')}`))
      }, timeoutMs)
      if (!check()) this.waiters.add(onEvent)
    })
  }

  close(): void {
    this.ws.close()
  }
}
