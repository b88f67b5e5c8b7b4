/**
 * One browser's WebSocket bridge: runs its calls through the session and pushes the session's
 * events to it, one message per flush (event-frames.ts). A slow or hostile client can neither
 * crash the server nor make it buffer without bound.
 */
import type { RawData, WebSocket } from 'ws'
import type { BridgeResult } from '../../src-preload/contract'
import type { SessionLike } from '../core/session-types'
import type { Clock, Logger } from '../core/ports'
import { formatAnswer, parseMessage } from './bridge-protocol'
import { createEventFrames, EVENTS_HIGH_WATER_BYTES, MAX_QUEUED_EVENTS } from './event-frames'

/** Close code sent to a client that fell too far behind on its messages. */
export const CLOSE_SLOW_CONSUMER = 4001
/** Close code sent to a client that keeps too many calls open at once. */
export const CLOSE_TOO_MANY_CALLS = 4002

export interface BridgeConnectionOptions {
  socket: WebSocket
  session: SessionLike
  clock: Clock
  logger: Logger
  /** Past this many bytes waiting in the socket's send buffer the client is closed. */
  maxBufferedBytes: number
  /** Past this many unanswered calls the client is closed (a well-behaved UI keeps a handful). */
  maxCallsInFlight: number
  /** Events that may wait for a backed-up client; default {@link MAX_QUEUED_EVENTS}. */
  maxQueuedEvents?: number
  maxFlushesPerSecond?: number
}

const OPEN = 1

/** Wires one accepted socket to the session; everything it holds is released when it closes. */
export function attachBridgeConnection(options: BridgeConnectionOptions): void {
  const { socket, session, logger } = options
  let inFlight = 0
  let closing = false

  const closeWith = (code: number, reason: string): void => {
    if (closing) return
    closing = true
    logger.warn('closing bridge client', { code, reason })
    socket.close(code, reason)
    // A client that is not reading will never finish the close handshake either.
    options.clock.after(2000, () => socket.terminate())
  }

  const send = (text: string): void => {
    if (closing || socket.readyState !== OPEN) return
    if (socket.bufferedAmount > options.maxBufferedBytes) {
      closeWith(CLOSE_SLOW_CONSUMER, 'client too slow: send buffer limit exceeded')
      return
    }
    socket.send(text)
  }

  // One message per flush for all the events in it; a client that stops reading is let go.
  const batcher = createEventFrames({
    clock: options.clock,
    logger,
    maxFlushesPerSecond: options.maxFlushesPerSecond,
    write: send,
    buffered: () => socket.bufferedAmount,
    highWaterBytes: Math.min(EVENTS_HIGH_WATER_BYTES, options.maxBufferedBytes / 2),
    maxQueuedEvents: options.maxQueuedEvents ?? MAX_QUEUED_EVENTS,
    onOverflow: (queued) => closeWith(CLOSE_SLOW_CONSUMER, `client too slow: ${queued} events waiting`)
  })
  const unsubscribe = session.onEvent((event) => batcher.push(event))

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
      result = await session.invoke(method, params)
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
    if (isBinary) {
      send(formatAnswer(null, { ok: false, error: { code: 'invalid_params', message: 'binary messages are not accepted' } }))
      return
    }
    const text = Buffer.isBuffer(data)
      ? data.toString('utf8')
      : Array.isArray(data)
        ? Buffer.concat(data).toString('utf8')
        : Buffer.from(data).toString('utf8')
    void run(text)
  })
  socket.on('error', (error) => logger.warn('bridge socket error', { error: String(error) }))
  socket.once('close', () => {
    closing = true
    unsubscribe()
    batcher.stop()
  })
}
