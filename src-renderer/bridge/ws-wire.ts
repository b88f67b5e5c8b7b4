import type { BridgeResult } from '../../src-preload/contract'
import { BridgeErrorSchema } from '../../src-preload/contract'

export type WireMessage =
  | { kind: 'event'; event: string; data: unknown }
  | { kind: 'answer'; id: number; result: BridgeResult<unknown> }

/**
 * One message from the bridge socket, or null when it is not one we understand. A malformed
 * error still becomes a refused result (code `internal`) so the waiting caller is released.
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
  if (typeof m.event === 'string') return { kind: 'event', event: m.event, data: m.data }
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

function describeBadError(error: unknown): string {
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message
  }
  return 'The core refused the request without saying why.'
}
