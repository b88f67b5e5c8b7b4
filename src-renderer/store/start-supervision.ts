import type { BridgeClient } from '../bridge/bridge-client'
import { startNotifications } from '../lib/notifications'
import type { AppStore } from './types'

/** How long an ended call stays on the live board (after that it is in History). */
export const LINGER_MS = 30_000

/**
 * The supervision side of the store's event wiring (called once from startStore): ended calls
 * linger, closures are kept for the transcript, settings are re-read when they may have changed,
 * and desktop notifications are raised. Returns a stop function.
 */
export function startSupervision(store: AppStore, bridge: BridgeClient): () => void {
  const s = store.getState
  const timers = new Map<string, ReturnType<typeof setTimeout>>()

  const offs = [
    bridge.on('call.ended', (call) => {
      s().linger(call.id, Date.now() + LINGER_MS)
      clearTimeout(timers.get(call.id))
      timers.set(
        call.id,
        setTimeout(() => {
          timers.delete(call.id)
          s().unlinger(call.id)
        }, LINGER_MS)
      )
    }),
    bridge.on('turn.closed', (t) => {
      if (t.outcome !== 'replied') s().addClosure({ turnId: t.turnId, callId: t.callId, outcome: t.outcome, at: new Date().toISOString() })
    }),
    store.subscribe((now, before) => {
      // A restarted core (mode switch) has other calls: what we kept about the old ones goes.
      if (before.status && now.status && before.status.startedAt !== now.status.startedAt) {
        store.setState({ lingering: {}, closures: {}, callAgents: {} })
      }
    }),
    startNotifications(store, bridge)
  ]
  // Another browser on a shared hub may change settings, and settings.update has no event: re-read
  // them when this window regains focus (the Settings view's own saves update the store directly).
  const onFocus = (): void => void s().loadSettings()
  const hasWindow = typeof window !== 'undefined'
  if (hasWindow) window.addEventListener('focus', onFocus)
  // After the start-up loads startStore runs right after this: status and calls come first.
  queueMicrotask(() => void s().loadSettings())

  return () => {
    for (const off of offs) off()
    for (const t of timers.values()) clearTimeout(t)
    if (hasWindow) window.removeEventListener('focus', onFocus)
  }
}
