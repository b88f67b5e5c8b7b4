/**
 * The Electron shell answers `update.status` and `update.restart` itself (the core cannot install
 * anything) and adds `update.status` events to the ones the window receives. Everything else goes
 * to the session host unchanged.
 */
import type { BridgeEvent, BridgeResult, UpdateStatus } from '../../src-preload/contract'
import { commandParams } from '../../src-preload/contract'
import type { SessionLike } from '../core/session-types'

export interface UpdateSource {
  status(): UpdateStatus
  onStatus(listener: (status: UpdateStatus) => void): () => void
  restart(): { ok: true } | { ok: false; reason: string }
}

export function withUpdates(session: SessionLike, updates: UpdateSource): SessionLike {
  return {
    async invoke(method, params): Promise<BridgeResult<unknown>> {
      if (method !== 'update.status' && method !== 'update.restart') return session.invoke(method, params)
      const parsed = commandParams[method].safeParse(params ?? {})
      if (!parsed.success) return { ok: false, error: { code: 'invalid_params', message: parsed.error.issues[0]?.message ?? 'invalid params' } }
      if (method === 'update.status') return { ok: true, value: updates.status() }
      const outcome = updates.restart()
      return outcome.ok ? { ok: true, value: { restarting: true } } : { ok: false, error: { code: 'not_available', message: outcome.reason } }
    },
    onEvent(listener) {
      const offSession = session.onEvent(listener)
      const offUpdates = updates.onStatus((data) => listener({ event: 'update.status', data } satisfies BridgeEvent))
      return () => {
        offSession()
        offUpdates()
      }
    },
    stop: () => session.stop()
  }
}
