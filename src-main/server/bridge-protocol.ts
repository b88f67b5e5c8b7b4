/**
 * The WebSocket bridge's wire format (DESIGN.md, "The bridge contract"): one JSON object per
 * message. Parsing never throws: anything malformed becomes an error answer for the client.
 */
import type { BridgeErrorPayload, BridgeEvent, BridgeResult, CommandName } from '../../src-preload/contract'
import { isCommandName } from '../../src-preload/contract'
import { isPlainObject } from '../core/plain-object'

/** A call the client made: the method is a known command, params a plain object. */
export interface BridgeCall {
  id: number
  method: CommandName
  params: Record<string, unknown>
}

/** Either a call to run, or the error answer to send back at once. */
export type ParsedMessage = { ok: true; call: BridgeCall } | { ok: false; answer: string }

/** Serialises the answer to call `id` (null when the message had no usable id). */
export function formatAnswer(id: number | null, result: BridgeResult<unknown>): string {
  return result.ok
    ? JSON.stringify({ id, result: result.value ?? null })
    : JSON.stringify({ id, error: result.error })
}

/** Serialises one pushed event. */
export function formatEvent(event: BridgeEvent): string {
  return JSON.stringify({ event: event.event, data: event.data })
}

function refuse(id: number | null, error: BridgeErrorPayload): ParsedMessage {
  return { ok: false, answer: formatAnswer(id, { ok: false, error }) }
}

/** Parses one text message from a client. */
export function parseMessage(text: string): ParsedMessage {
  let message: unknown
  try {
    message = JSON.parse(text)
  } catch {
    return refuse(null, { code: 'invalid_params', message: 'the message is not valid JSON' })
  }
  if (!isPlainObject(message)) {
    return refuse(null, { code: 'invalid_params', message: 'a message must be a JSON object' })
  }
  const { id, method, params } = message
  if (typeof id !== 'number' || !Number.isFinite(id)) {
    return refuse(null, { code: 'invalid_params', message: 'a call needs a numeric "id"' })
  }
  if (!isCommandName(method)) {
    const name = typeof method === 'string' ? method.slice(0, 100) : String(typeof method)
    return refuse(id, { code: 'unknown_method', message: `unknown method: ${name}` })
  }
  // A command without params is the same as empty params (most read commands take none).
  if (params === undefined) return { ok: true, call: { id, method, params: {} } }
  if (!isPlainObject(params)) {
    return refuse(id, { code: 'invalid_params', message: '"params" must be a JSON object' })
  }
  return { ok: true, call: { id, method, params } }
}

/**
 * The page's heartbeat, `{"heartbeat": n}` (pages cannot send WebSocket pings): answered with the
 * same message at once, so the page knows the hub still hears it. Null for anything else.
 */
export function heartbeatEcho(text: string): string | null {
  if (text.length > 100 || !text.startsWith('{"heartbeat"')) return null
  try {
    const message = JSON.parse(text) as unknown
    if (!isPlainObject(message) || Object.keys(message).length !== 1) return null
    const beat = message.heartbeat
    return typeof beat === 'number' && Number.isFinite(beat) ? JSON.stringify({ heartbeat: beat }) : null
  } catch {
    return null
  }
}
