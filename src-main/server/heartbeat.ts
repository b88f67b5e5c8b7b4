/**
 * Server-side liveness of one bridge socket: a WebSocket ping every `intervalMs`; a socket that has
 * sent nothing (no pong, no message) for `timeoutMs` is cut. A laptop that went to sleep, a tab
 * behind a dead Wi-Fi or a proxy that dropped the connection silently would otherwise hold its
 * place (and its claims) forever. Browsers answer pings by themselves; the page's own heartbeat
 * (an app-level message, since pages cannot send pings) counts as hearing from it too.
 */
import type { WebSocket } from 'ws'
import type { Clock, Timer } from '../core/ports'

export const HEARTBEAT_INTERVAL_MS = 10_000
/** A connection silent for this long is closed (the limit: within 30 s). */
export const HEARTBEAT_TIMEOUT_MS = 30_000

export interface HeartbeatOptions {
  socket: Pick<WebSocket, 'ping' | 'on' | 'off'>
  clock: Clock
  intervalMs?: number
  timeoutMs?: number
  onSilent(): void
}

/** Starts watching; the returned function stops (call it when the socket closes). */
export function watchHeartbeat(options: HeartbeatOptions): () => void {
  const interval = options.intervalMs ?? HEARTBEAT_INTERVAL_MS
  const timeout = options.timeoutMs ?? HEARTBEAT_TIMEOUT_MS
  const { clock, socket } = options
  let lastHeard = clock.now()
  let timer: Timer | null = null
  const heard = (): void => {
    lastHeard = clock.now()
  }
  const tick = (): void => {
    // Cut now if waiting for the next tick could let the silence pass the limit.
    if (clock.now() - lastHeard + interval > timeout) {
      timer = null
      options.onSilent()
      return
    }
    try {
      socket.ping()
    } catch {
      // a socket that is already closing: its close event stops us
    }
    timer = clock.after(interval, tick)
  }
  socket.on('pong', heard)
  socket.on('message', heard)
  timer = clock.after(interval, tick)
  return () => {
    timer?.cancel()
    timer = null
    socket.off('pong', heard)
    socket.off('message', heard)
  }
}
