import type { SocketLike } from '../../../src-renderer/bridge/ws-bridge'

/** A scripted socket: the test opens it, feeds it messages and closes it. */
export class ScriptedSocket implements SocketLike {
  sent: Array<Record<string, unknown>> = []
  closed = false
  onopen: SocketLike['onopen'] = null
  onmessage: SocketLike['onmessage'] = null
  onclose: SocketLike['onclose'] = null
  onerror: SocketLike['onerror'] = null
  constructor(readonly url: string) {}
  send(data: string): void {
    this.sent.push(JSON.parse(data) as Record<string, unknown>)
  }
  close(): void {
    this.closed = true
  }
  open(): void {
    this.onopen?.({})
  }
  receive(msg: unknown): void {
    this.onmessage?.({ data: typeof msg === 'string' ? msg : JSON.stringify(msg) })
  }
  /** The server closed the socket (`code`: its close code, e.g. 4003 for a revoked link). */
  drop(code?: number): void {
    this.onclose?.(code === undefined ? {} : { code })
  }
}

