import type { BridgeClient } from '../bridge/bridge-client'
import { withoutKeys } from './bounded'
import type { AppStore } from './types'

/**
 * The copilot's events, subscribed once beside the others in start-store: its status, and the
 * drafts it streams. A draft leaves with its turn; a restarted core (mode switch) starts clean.
 */
export function subscribeCopilot(store: AppStore, bridge: BridgeClient): Array<() => void> {
  const s = store.getState
  return [
    bridge.on('copilot.status', (copilot) => {
      store.setState(copilot.mode === 'off' ? { copilot, copilotDrafts: {}, smsDrafts: {} } : { copilot })
    }),
    bridge.on('copilot.draft', (draft) => s().takeCopilotDraft(draft)),
    bridge.on('copilot.smsDraft', (draft) => s().takeSmsDraft(draft)),
    bridge.on('turn.closed', (t) => {
      if (s().copilotDrafts[t.callId]?.turnId === t.turnId) store.setState((st) => ({ copilotDrafts: withoutKeys(st.copilotDrafts, [t.callId]) }))
    }),
    store.subscribe((now, before) => {
      // Loaded once the core's status is known, again after a reconnect, and for a restarted core
      // (whose mode decides whether the simulated model can answer).
      const started = !before.status && Boolean(now.status)
      const reconnected = before.connection === 'reconnecting' && now.connection === 'open'
      const restarted = Boolean(before.status && now.status && before.status.startedAt !== now.status.startedAt)
      if (restarted) store.setState({ copilotDrafts: {}, smsDrafts: {} })
      if (started || reconnected || restarted) void s().loadCopilot()
    })
  ]
}
