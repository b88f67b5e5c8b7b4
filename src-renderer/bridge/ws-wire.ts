import type { BridgeResult } from '../../src-preload/contract'
import { BridgeErrorSchema } from '../../src-preload/contract'

export type WireEvent = { event: string; data: unknown }

export type WireMessage = { kind: 'events'; events: WireEvent[] } | { kind: 'answer'; id: number; result: BridgeResult<unknown> }

/**
 * One message from the bridge socket, or null when it is not one we understand. Pushed events come
 * batched, `{events: [{event, data}, …]}` (one message per flush, see the contract's wire format);
 * a lone `{event, data}` is read as a batch of one. A malformed error still becomes a refused
 * result (code `internal`) so the waiting caller is released.
 */
export function parseWireMessage(raw: unknown): WireMessage | null {
  if (typeof raw !== 'string') return null
  let msg: unknown
  try {
    msg = JSON.parse(raw)
  } catch {
    return null
  }
  if (typeof msg !== 'object' || msg === null) return null
  const m = msg as Record<string, unknown>
  if (Array.isArray(m.events)) return { kind: 'events', events: m.events.filter(isWireEvent) }
  if (isWireEvent(m)) return { kind: 'events', events: [{ event: m.event, data: m.data }] }
  if (typeof m.id !== 'number') return null
  if ('error' in m) {
    const parsed = BridgeErrorSchema.safeParse(m.error)
    const error = parsed.success
      ? parsed.data
      : { code: 'internal' as const, message: describeBadError(m.error) }
    return { kind: 'answer', id: m.id, result: { ok: false, error } }
  }
  return { kind: 'answer', id: m.id, result: { ok: true, value: m.result ?? {} } }
}

function isWireEvent(e: unknown): e is WireEvent {
  return typeof e === 'object' && e !== null && typeof (e as { event?: unknown }).event === 'string'
}

function describeBadError(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message
  }
  return 'The core refused the request without saying why.'
}
