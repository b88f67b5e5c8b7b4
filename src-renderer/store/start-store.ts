import type { BridgeClient } from '../bridge/bridge-client'
import type { AppStore } from './types'
import { runBatched } from './batch'
import { isTerminal } from '../lib/call-state'
import { subscribeWebhookEvents } from './webhooks-events'
import { subscribeMessaging } from './messages-events'
import { subscribeCopilot } from './copilot-events'
import { startSupervision } from './start-supervision'
import { subscribeScenarioEvents } from './scenarios-events'
import { subscribeCallHistoryEvents } from './call-history-events'
import { startAttention } from '../lib/attention/start-attention'

/**
 * Subscribes the store to the bridge's pushed events (once, outside React) and loads the
 * starting state. After a reconnect the same load runs again: events sent while the socket was
 * down are lost, so the lists are the only way to catch up. Returns a stop function.
 */
export function startStore(store: AppStore, bridge: BridgeClient): () => void {
  const s = store.getState
  const offs = [
    bridge.on('app.status', (status) => {
      const before = s().status
      store.setState({ status })
      // A mode switch restarts the core: the old core's calls and turns mean nothing any more.
      if (before && (before.mode !== status.mode || before.startedAt !== status.startedAt)) {
        store.setState({ calls: {}, turns: {}, endedOrder: [], openCallId: null, selectedCallId: null, phoneCallId: null, ringing: null })
        void s().loadCalls()
        void s().loadTurns()
      }
    }),
    bridge.on('history.cleared', () => {
      // Ended calls and stored deliveries are gone from the core: keep only the live calls.
      store.setState((st) => {
        const live = Object.values(st.calls).filter((c) => !isTerminal(c.status))
        const keep = new Set(live.map((c) => c.id))
        return {
          calls: Object.fromEntries(live.map((c) => [c.id, c])),
          transcripts: Object.fromEntries(Object.entries(st.transcripts).filter(([id]) => keep.has(id))),
          endedOrder: [],
          openCallId: st.openCallId && keep.has(st.openCallId) ? st.openCallId : null,
          selectedCallId: st.selectedCallId && keep.has(st.selectedCallId) ? st.selectedCallId : null
        }
      })
      void s().loadDeliveries()
    }),
    bridge.on('call.started', (call) => s().upsertCall(call)),
    bridge.on('call.updated', (call) => s().upsertCall(call)),
    bridge.on('call.ended', (call) => {
      s().markEnded(call)
      if (s().phoneCallId === call.id) store.setState({ phoneCallId: null })
      if (s().ringing?.callId === call.id) s().setRinging(null)
    }),
    bridge.on('transcript.turn', (line) => s().addTranscriptLine(line)),
    bridge.on('turn.opened', (t) => {
      s().openTurn({ ...t, claimedBy: null })
      // A new turn makes an old "too late" notice stale; the kept draft stays in the box.
      if (s().notices[t.callId]) store.setState((st) => ({ notices: { ...st.notices, [t.callId]: undefined } }))
    }),
    bridge.on('turn.closed', (t) => {
      s().closeTurn(t.turnId)
      if (t.outcome === 'fallback' && (s().drafts[t.callId] ?? '').trim()) {
        // The person was still typing when the deadline passed: say so, and keep their words.
        store.setState((st) => ({
          notices: { ...st.notices, [t.callId]: { kind: 'too-late', text: 'The deadline passed and the fallback line answered — your text was kept for the next turn.' } }
        }))
      }
      if (t.outcome === 'cancelled' && s().openCallId === t.callId) {
        s().pushToast('info', 'AgentPhone dropped the waiting request: that turn was cancelled.')
      }
    }),
    bridge.on('turn.claimed', (t) => s().claimTurn(t.turnId, t.by, t.byId ?? null)),
    bridge.on('turn.unclaimed', (t) => s().claimTurn(t.turnId, null, null)),
    bridge.on('sandbox.heard', ({ callId, ...line }) => s().addHeard(callId, { ...line, at: Date.now() })),
    bridge.on('sandbox.ring', (ring) => s().setRinging(ring)),
    bridge.on('update.status', (update) => s().setUpdate(update)),
    ...subscribeWebhookEvents(store, bridge),
    ...subscribeMessaging(store, bridge),
    ...subscribeScenarioEvents(store, bridge),
    ...subscribeCopilot(store, bridge),
    ...subscribeCallHistoryEvents(store, bridge),
    startSupervision(store, bridge),
    startAttention(store, bridge)
  ]

  // A burst of pushed events (one animation frame's worth over the WebSocket) is one store update.
  const offBursts = bridge.wrapEventBursts?.((deliver) => runBatched(store, deliver))

  const load = (): void => {
    void s().loadStatus()
    void s().loadCalls()
    void s().loadTurns()
    // Who this tab is (its link's name and role), again after a reconnect: an admin may have changed it.
    void s().loadMe()
  }

  let wasDown = false
  const offConn = bridge.onConnectionChange?.((state) => {
    s().setConnection(state)
    if (state === 'open' && wasDown) load()
    wasDown = state === 'reconnecting' || state === 'offline'
  })
  s().setConnection(bridge.connectionState?.() ?? 'open')
  load()
  // Once: only the packaged app has an update to offer, and it pushes every change as an event.
  void s().loadUpdate()

  return () => {
    for (const off of offs) off()
    offConn?.()
    offBursts?.()
  }
}
