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
    // A restarted core (mode switch, new port) has a fresh delivery log, its own gaps and settings.
    store.subscribe((state, prev) => {
      if (!prev.status || !state.status || state.status.startedAt === prev.status.startedAt) return
      store.setState({ deliveries: [], deliveriesTotal: 0, selectedDeliveryId: null, connectOutcome: null, connectStep: 'idle', gaps: [], webhookStatus: null })
      if (s().deliveriesLoaded) void s().loadDeliveries()
      void s().loadGaps()
      if (s().settings) void s().loadSettings()
    })
  ]
}
