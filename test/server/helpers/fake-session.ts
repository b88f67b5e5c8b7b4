import { vi } from 'vitest'
import type { BridgeEvent, BridgeResult } from '../../../src-preload/contract'
import type { SessionLike } from '../../../src-main/core/session-types'

export type FakeSession = SessionLike & {
  invoke: ReturnType<typeof vi.fn<SessionLike['invoke']>>
  emit(event: BridgeEvent): void
  listenerCount(): number
}

/** A SessionLike whose answers a test decides; by default it echoes the call back. */
export function fakeSession(
  answer: (method: string, params: unknown) => BridgeResult<unknown> | Promise<BridgeResult<unknown>> = (method, params) => ({
    ok: true,
    value: { echo: { method, params } }
  })
): FakeSession {
  const listeners = new Set<(event: BridgeEvent) => void>()
  return {
    invoke: vi.fn<SessionLike['invoke']>(async (method, params) => answer(method, params)),
    onEvent(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    stop: async () => {},
    emit(event) {
      for (const listener of listeners) listener(event)
    },
    listenerCount: () => listeners.size
  }
}

/** A `transcript.turn` event numbered `n`, to check order. */
export function turnEvent(n: number): BridgeEvent {
  return { event: 'transcript.turn', data: { callId: 'call_1', speaker: 'caller', text: `line ${n}`, at: new Date(0).toISOString() } }
}
