/**
 * One browser's WebSocket bridge: runs its calls through the session and pushes the session's
 * events to it, batched. A slow or hostile client can neither crash the server nor make it
 * buffer without bound.
 */
import type { RawData, WebSocket } from 'ws'
import type { BridgeResult, CommandName } from '../../src-preload/contract'
import { accessRefusal, type Caller } from '../../src-preload/command-roles'
import type { SessionLike } from '../core/session-types'
import type { Clock, Logger } from '../core/ports'
import { createEventBatcher } from '../core/event-batcher'
import { formatAnswer, formatEvent, heartbeatEcho, parseMessage } from './bridge-protocol'
import type { ConnectionHandle } from './connection-registry'
import { watchHeartbeat } from './heartbeat'

/** Close code sent to a client that fell too far behind on its messages. */
export const CLOSE_SLOW_CONSUMER = 4001
/** Close code sent to a client that keeps too many calls open at once. */
export const CLOSE_TOO_MANY_CALLS = 4002
/** Close code sent to every tab of a link that was revoked (or rotated): the page says so. */
export const CLOSE_LINK_REVOKED = 4003

/** Who a connection is when the server was given a single token and no team (tests, scripts). */
const BRIDGE_OWNER: Caller = Object.freeze({ id: 'owner', name: 'Owner', role: 'owner', local: false })

/** Commands the hub answers itself (the team's links) for `caller`; null: the core answers. */
export type HubCommands = (caller: Caller, method: CommandName, params: Record<string, unknown>) => Promise<BridgeResult<unknown>> | null

export interface BridgeConnectionOptions {
  socket: WebSocket
  session: SessionLike
  clock: Clock
  logger: Logger
  /** Past this many bytes waiting in the socket's send buffer the client is closed. */
  maxBufferedBytes: number
  /** Past this many unanswered calls the client is closed (a well-behaved UI keeps a handful). */
  maxCallsInFlight: number
  maxFlushesPerSecond?: number
  /**
   * Who this connection is, looked up on every call so a role change applies at once; null once
   * the link was revoked. Without it the connection is the owner (but never the hub's own machine).
   */
  caller?: () => Caller | null
  hubCommands?: HubCommands
  /** Ping/pong liveness (heartbeat.ts); `false` turns it off. */
  heartbeat?: { intervalMs?: number; timeoutMs?: number } | false
}

const OPEN = 1

/** Wires one accepted socket to the session; everything it holds is released when it closes. */
export function attachBridgeConnection(options: BridgeConnectionOptions): ConnectionHandle {
  const { socket, session, logger } = options
  let inFlight = 0
  let closing = false

  const closeWith = (code: number, reason: string, terminateAfterMs = 2000): void => {
    if (closing) return
    closing = true
    logger.warn('closing bridge client', { code, reason })
    socket.close(code, reason)
    // A client that is not reading will never finish the close handshake either.
    options.clock.after(terminateAfterMs, () => socket.terminate())
  }

  const send = (text: string): void => {
    if (closing || socket.readyState !== OPEN) return
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      closeWith(CLOSE_SLOW_CONSUMER, 'client too slow: send buffer limit exceeded')
      return
    }
    socket.send(text)
  }

  const batcher = createEventBatcher({
    clock: options.clock,
    logger,
    maxFlushesPerSecond: options.maxFlushesPerSecond,
    // Each event stays its own message (the documented wire format); batching bounds how often
    // the socket is written to, not what a message holds.
    flush: (batch) => {
      for (const event of batch) send(formatEvent(event))
    }
  })
  const unsubscribe = session.onEvent((event) => batcher.push(event))

  /** The roles table (command-roles.ts) decides before anything runs; then the hub or the core answers. */
  const invokeAs = async (method: CommandName, params: Record<string, unknown>): Promise<BridgeResult<unknown>> => {
    const caller = options.caller ? options.caller() : BRIDGE_OWNER
    if (!caller) {
      closeWith(CLOSE_LINK_REVOKED, 'this link was revoked', 500)
      return { ok: false, error: { code: 'forbidden', message: 'This link was revoked.' } }
    }
    const refused = accessRefusal(caller, method, params)
    if (refused) return { ok: false, error: refused }
    return (await options.hubCommands?.(caller, method, params)) ?? session.invoke(method, params, caller)
  }

  const run = async (text: string): Promise<void> => {
    const parsed = parseMessage(text)
    if (!parsed.ok) return send(parsed.answer)
    const { id, method, params } = parsed.call
    inFlight += 1
    if (inFlight > options.maxCallsInFlight) {
      closeWith(CLOSE_TOO_MANY_CALLS, 'too many calls in flight')
      return
    }
    let result: BridgeResult<unknown>
    try {
      result = await invokeAs(method, params)
    } catch (error) {
      // The session answers errors as data; a throw is a bug, reported without its internals.
      logger.error('session.invoke threw', { method, error: String(error) })
      result = { ok: false, error: { code: 'internal', message: 'internal error' } }
    } finally {
      inFlight -= 1
    }
    send(formatAnswer(id, result))
  }

  socket.on('message', (data: RawData, isBinary: boolean) => {
    // A revoked or closing client gets nothing more run for it.
    if (closing) return
    if (isBinary) {
      send(formatAnswer(null, { ok: false, error: { code: 'invalid_params', message: 'binary messages are not accepted' } }))
      return
    }
    const text = Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data).toString('utf8')
    const echo = heartbeatEcho(text)
    if (echo) return send(echo)
    void run(text)
  })
  const stopHeartbeat =
    options.heartbeat === false
      ? () => {}
      : watchHeartbeat({
          socket,
          clock: options.clock,
          ...options.heartbeat,
          onSilent: () => {
            logger.warn('closing a bridge client that went silent')
            closing = true
            socket.terminate()
          }
        })
  socket.on('error', (error) => logger.warn('bridge socket error', { error: String(error) }))
  socket.once('close', () => {
    closing = true
    stopHeartbeat()
    unsubscribe()
    batcher.stop()
  })
  return { close: (code, reason) => closeWith(code, reason, 500) }
}
