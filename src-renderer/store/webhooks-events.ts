import type { BridgeClient } from '../bridge/bridge-client'
import type { AppStore } from './types'

/**
 * The Webhooks, gaps and settings slices' share of the pushed events, subscribed once from
 * start-store.ts. Returns the unsubscribe functions.
 */
export function subscribeWebhookEvents(store: AppStore, bridge: BridgeClient): Array<() => void> {
  const s = store.getState
  return [
    bridge.on('webhook.delivery', (d) => s().upsertDelivery(d)),
    bridge.on('app.gap', (gap) => s().addGap(gap)),
    bridge.on('webhooks.progress', (p) => {
      if (p.step === 'waiting' && s().connectStep === 'registering') store.setState({ connectStep: 'waiting' })
    }),
    store.subscribe((state, prev) => {
      if (!state.status || state.status === prev.status) return
      // A restarted core (mode switch, new port) has a fresh delivery log, its own gaps and settings;
      // its gap check runs after it starts, so its gaps arrive as app.gap events.
      const before = prev.status
      if (before && (before.mode !== state.status.mode || before.startedAt !== state.status.startedAt)) {
        store.setState({ deliveries: [], deliveriesTotal: 0, selectedDeliveryId: null, connectOutcome: null, connectStep: 'idle', gaps: [], webhookStatus: null })
        if (s().deliveriesLoaded) void s().loadDeliveries()
        if (s().settings) void s().loadSettings()
        return
      }
      // Only a live core can miss deliveries. A fresh status of the same core follows a reconnect,
      // when the app.gap events sent while the link was down were lost.
      if (state.status.mode === 'live') void s().loadGaps()
    })
  ]
}
