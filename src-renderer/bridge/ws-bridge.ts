import type { BridgeResult, CommandName, EventData, EventName } from '../../src-preload/contract'
import type { BridgeClient, ConnectionState } from './bridge-client'
import { localError } from './bridge-client'
import { parseWireMessage } from './ws-wire'

/** The part of a browser WebSocket the client uses, so tests can hand in a scripted socket. */
export interface SocketLike {
  send(data: string): void
  close(): void
  onopen: ((ev: unknown) => void) | null
  onmessage: ((ev: { data: unknown }) => void) | null
  /** A browser's CloseEvent carries the server's close code (4003: this link was revoked). */
  onclose: ((ev: { code?: number } | unknown) => void) | null
  onerror: ((ev: unknown) => void) | null
}

export interface WsBridgeOptions {
  url: string
  socketFactory?: (url: string) => SocketLike
  /** Backoff before reconnect attempt n (0-based). */
  backoffMs?: (attempt: number) => number
  /** A request with no answer after this long fails instead of hanging a button forever. */
  requestTimeoutMs?: number
  /**
   * Delivers pushed events in batches: events are queued and handed to their handlers together
   * when the scheduled callback runs (see {@link frameScheduler}). Without it each event is
   * delivered as its message arrives.
   */
  scheduleEvents?: (flush: () => void) => void
  /**
   * Asked after a connection attempt fails: does the server still accept our token? A browser
   * reports a refused upgrade (401) exactly like a server that is down, so without this a tab with
   * a dead token would say "reconnecting…" forever.
   */
  checkToken?: () => Promise<TokenVerdict>
  /** How often the page tells the hub it is there (browsers cannot send WebSocket pings). Default 10 s. */
  heartbeatMs?: number
  /** Past this long without a word from the hub the tab says Offline and reconnects. Default 30 s. */
  silenceMs?: number
}

/** The hub closed this socket because an admin revoked or replaced its link (bridge-connection.ts). */
export const CLOSE_LINK_REVOKED = 4003

/** After this page's timers slept, how long the hub has to answer before the tab says Offline. */
export const PROBE_GRACE_MS = 5_000

export const REVOKED_MESSAGE = 'An admin revoked or replaced this link: ask them for your new link.'

/** What the server says of a token: `unreachable` while it is down or restarting. */
export type TokenVerdict = 'accepted' | 'refused' | 'unreachable'

type Pending = { resolve: (r: BridgeResult<unknown>) => void; timer: ReturnType<typeof setTimeout> }

export const defaultBackoff = (attempt: number): number => Math.min(10_000, 500 * 2 ** attempt)

/**
 * Runs `flush` before the next frame is painted, or within 100 ms when frames are not running (a
 * hidden window). The headless shell writes each event as its own message, up to 60 bursts a
 * second; applying a burst in one task means the store notifies, and React renders, once per
 * frame instead of once per event.
 */
export function frameScheduler(flush: () => void): void {
  let done = false
  const run = (): void => {
    if (done) return
    done = true
    flush()
  }
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(run)
  setTimeout(run, 100)
}

export const TOKEN_REFUSED_MESSAGE =
  'Switchboard no longer accepts this tab’s access token: open the address it printed when it last started.'

/**
 * Asks the headless shell whether `token` still opens the bridge (`GET /bridge/token`, see the
 * server's upgrade-guard.ts). The token goes in a header of a same-origin request, never in a URL.
 */
export async function checkTokenWith(token: string, fetcher: typeof fetch = fetch): Promise<TokenVerdict> {
  try {
    const res = await fetcher('/bridge/token', { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' })
    if (res.status === 204) return 'accepted'
    if (res.status === 401) return 'refused'
    return 'unreachable'
  } catch {
    return 'unreachable'
  }
}

export const DISCONNECTED_MESSAGE = 'Disconnected from Switchboard before it answered; try again once reconnected.'

/**
 * The WebSocket transport. Requests made before the first connection are queued; requests made
 * while reconnecting fail at once (so a button never acts minutes later); on a drop every pending
 * request fails with a clear error and the socket reconnects with backoff.
 */
export function createWsBridge(opts: WsBridgeOptions): BridgeClient {
  const factory = opts.socketFactory ?? ((url: string) => new WebSocket(url) as unknown as SocketLike)
  const backoff = opts.backoffMs ?? defaultBackoff
  const timeoutMs = opts.requestTimeoutMs ?? 30_000
  const handlers = new Map<string, Set<(data: unknown) => void>>()
  const stateListeners = new Set<(s: ConnectionState) => void>()
  const pending = new Map<number, Pending>()
  let queue: string[] = []
  let nextId = 1
  let attempt = 0
  let state: ConnectionState = 'connecting'
  let socket: SocketLike | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let closed = false
  let queuedEvents: Array<{ event: string; data: unknown }> = []
  let wrapBurst: ((deliver: () => void) => void) | null = null
  const heartbeatMs = opts.heartbeatMs ?? 10_000
  const silenceMs = opts.silenceMs ?? 30_000
  let lastHeard = 0
  let lastBeat = 0
  let watch: ReturnType<typeof setInterval> | null = null
  const stopWatch = (): void => {
    if (watch) clearInterval(watch)
    watch = null
  }

  const deliver = (event: string, data: unknown): void => {
    for (const h of handlers.get(event) ?? []) h(data)
  }
  const flushEvents = (): void => {
    const batch = queuedEvents
    queuedEvents = []
    if (batch.length === 0) return
    const deliverAll = (): void => {
      for (const e of batch) {
        try {
          deliver(e.event, e.data)
        } catch (error) {
          // One broken handler must not swallow the rest of the burst; the error still surfaces.
          setTimeout(() => {
            throw error
          })
        }
      }
    }
    if (wrapBurst) wrapBurst(deliverAll)
    else deliverAll()
  }

  const setState = (next: ConnectionState): void => {
    if (next === state) return
    state = next
    for (const l of stateListeners) l(next)
  }

  const failAll = (): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer)
      pending.delete(id)
      p.resolve(localError('not_available', DISCONNECTED_MESSAGE))
    }
    queue = []
  }

  const onMessage = (raw: unknown): void => {
    lastHeard = Date.now()
    const msg = parseWireMessage(raw)
    if (!msg) return
    if (msg.kind === 'event') {
      if (!opts.scheduleEvents) return deliver(msg.event, msg.data)
      queuedEvents.push(msg)
      if (queuedEvents.length === 1) opts.scheduleEvents(flushEvents)
      return
    }
    // Events sent before this answer are applied first: a list answer must not be overtaken by
    // an older event still waiting for its frame.
    if (queuedEvents.length > 0) flushEvents()
    const p = pending.get(msg.id)
    if (!p) return
    pending.delete(msg.id)
    clearTimeout(p.timer)
    p.resolve(msg.result)
  }

  const scheduleRetry = (): void => {
    if (!closed) retryTimer = setTimeout(connect, backoff(attempt++))
  }

  /**
   * The hub has said nothing past the limit (its answers to our heartbeat included): the socket may
   * look open on a laptop that slept or a network that died. Let it go, say Offline, reconnect.
   */
  const goOffline = (s: SocketLike): void => {
    stopWatch()
    if (socket !== s) return
    socket = null
    s.onclose = null
    s.onmessage = null
    try {
      s.close()
    } catch {
      // already closing
    }
    failAll()
    setState('offline')
    scheduleRetry()
  }

  /**
   * Every second: a heartbeat when one is due, and the silence check. A tick that comes far too
   * late means this page's timers were asleep (the laptop slept, or the browser throttled a
   * background tab): the silence meanwhile says nothing about the hub, so it is asked once more and
   * given a few seconds to answer before the tab says Offline.
   */
  const startWatch = (s: SocketLike): void => {
    stopWatch()
    const tickMs = Math.min(1000, heartbeatMs)
    let lastTick = Date.now()
    let graceUntil = 0
    lastHeard = lastBeat = lastTick
    const beat = (now: number): void => {
      lastBeat = now
      s.send(JSON.stringify({ heartbeat: now }))
    }
    watch = setInterval(() => {
      const now = Date.now()
      const slept = now - lastTick > 3 * tickMs
      lastTick = now
      if (slept) {
        graceUntil = now + PROBE_GRACE_MS
        return beat(now)
      }
      if (now - lastHeard > silenceMs && now >= graceUntil) return goOffline(s)
      if (now - lastBeat >= heartbeatMs) beat(now)
    }, tickMs)
  }

  const connect = (): void => {
    const s = factory(opts.url)
    socket = s
    s.onopen = () => {
      attempt = 0
      const toSend = queue
      queue = []
      for (const m of toSend) s.send(m)
      startWatch(s)
      setState('open')
    }
    s.onmessage = (ev) => onMessage(ev.data)
    s.onerror = () => undefined // a close always follows; that is where recovery happens
    s.onclose = (ev) => {
      if (socket !== s) return
      socket = null
      stopWatch()
      failAll()
      if (closed) return
      // Revoked: no retry can help; the banner says to ask for a new link.
      if ((ev as { code?: number } | null)?.code === CLOSE_LINK_REVOKED) return setState('revoked')
      // Still offline while the hub stays unreachable; "reconnecting" after an ordinary drop.
      setState(state === 'offline' ? 'offline' : 'reconnecting')
      if (!opts.checkToken) return scheduleRetry()
      opts.checkToken().then(
        (verdict) => {
          if (closed) return
          // Refused: stop knocking with a dead token, and let the banner say how to get a new address.
          if (verdict === 'refused') setState('token-refused')
          else scheduleRetry()
        },
        scheduleRetry
      )
    }
  }

  const invoke = (method: CommandName, params: unknown): Promise<BridgeResult<unknown>> => {
    if (state === 'token-refused') return Promise.resolve(localError('not_available', TOKEN_REFUSED_MESSAGE))
    if (state === 'revoked') return Promise.resolve(localError('not_available', REVOKED_MESSAGE))
    if (closed || state === 'reconnecting' || state === 'offline') {
      return Promise.resolve(localError('not_available', 'Disconnected from Switchboard — reconnecting; try again in a moment.'))
    }
    const id = nextId++
    const wire = JSON.stringify({ id, method, params })
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(id)
        resolve(localError('not_available', `Switchboard did not answer ${method} within ${Math.round(timeoutMs / 1000)} s.`))
      }, timeoutMs)
      pending.set(id, { resolve, timer })
      if (state === 'open' && socket) socket.send(wire)
      else queue.push(wire)
    })
  }

  connect()

  return {
    transport: 'ws',
    invoke: invoke as BridgeClient['invoke'],
    on<E extends EventName>(event: E, handler: (data: EventData<E>) => void) {
      const set = handlers.get(event) ?? new Set()
      handlers.set(event, set)
      const h = handler as (data: unknown) => void
      set.add(h)
      return () => set.delete(h)
    },
    wrapEventBursts(wrap) {
      wrapBurst = wrap
      return () => {
        if (wrapBurst === wrap) wrapBurst = null
      }
    },
    connectionState: () => state,
    onConnectionChange(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
    close() {
      closed = true
      stopWatch()
      if (retryTimer) clearTimeout(retryTimer)
      const s = socket
      socket = null
      failAll()
      s?.close()
    }
  }
}
