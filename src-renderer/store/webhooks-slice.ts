
import { matchesFilter, type DeliveryFilter } from './delivery-filter'
import type { SliceDeps } from './types'
import type { WebhooksSlice } from './webhooks-types'

/** Rows the inspector asks for and keeps: the core holds 5000, a person reads the newest few hundred. */
export const DELIVERY_PAGE = 500
/** Typing in a filter box waits this long before asking the core, so each keystroke is not a query. */
const FILTER_DEBOUNCE_MS = 200

/**
 * The Webhooks inspector's state: what the receiver saw (filtered by the core, kept live by
 * `webhook.delivery` events, which also carry updates of an existing id), the selection, replay.
 */
export function createWebhooksSlice({ set, get, bridge }: SliceDeps): WebhooksSlice {
  let debounce: ReturnType<typeof setTimeout> | null = null
  // A slow answer to an older filter must not overwrite the answer to the newer one.
  let loadSeq = 0

  return {
    deliveries: [],
    deliveriesTotal: 0,
    deliveriesLoading: false,
    deliveriesLoaded: false,
    deliveryFilter: {},
    selectedDeliveryId: null,
    replayingId: null,

    async loadDeliveries() {
      const seq = ++loadSeq
      set({ deliveriesLoading: true })
      const f = get().deliveryFilter
      const params = {
        limit: DELIVERY_PAGE,
        ...(f.event ? { event: f.event } : {}),
        ...(f.channel ? { channel: f.channel } : {}),
        ...(f.outcome ? { outcome: f.outcome } : {}),
        ...(f.callId?.trim() ? { callId: f.callId.trim() } : {}),
        ...(f.text?.trim() ? { text: f.text.trim() } : {})
      }
      const res = get().report('Loading deliveries', await bridge.invoke('webhooks.deliveries', params))
      if (seq !== loadSeq) return
      if (res) set({ deliveries: res.items, deliveriesTotal: res.total, deliveriesLoading: false, deliveriesLoaded: true })
      else set({ deliveriesLoading: false })
    },

    setDeliveryFilter(patch) {
      set((s) => ({ deliveryFilter: clean({ ...s.deliveryFilter, ...patch }) }))
      if (debounce) clearTimeout(debounce)
      debounce = setTimeout(() => {
        debounce = null
        void get().loadDeliveries()
      }, FILTER_DEBOUNCE_MS)
    },

    upsertDelivery(d) {
      set((s) => {
        const at = s.deliveries.findIndex((x) => x.id === d.id)
        if (at >= 0) {
          const next = s.deliveries.slice()
          next[at] = d
          return { deliveries: next }
        }
        if (!matchesFilter(d, s.deliveryFilter)) return {}
        return { deliveries: [d, ...s.deliveries].slice(0, DELIVERY_PAGE), deliveriesTotal: s.deliveriesTotal + 1 }
      })
    },

    selectDelivery(id) {
      set({ selectedDeliveryId: id })
    },

    async replayDelivery(id, allowUnverified) {
      set({ replayingId: id })
      const params = allowUnverified ? { deliveryId: id, allowUnverified: true } : { deliveryId: id }
      const res = get().report('Replaying the delivery', await bridge.invoke('webhooks.replay', params))
      set({ replayingId: null })
      if (!res) return null
      // The event for the new row may arrive before or after this answer; upsert is by id either way.
      get().upsertDelivery(res)
      set({ selectedDeliveryId: res.id })
      return res
    }
  }
}

function clean(f: DeliveryFilter): DeliveryFilter {
  const out: DeliveryFilter = {}
  for (const [k, v] of Object.entries(f) as Array<[keyof DeliveryFilter, string | undefined]>) {
    if (v !== undefined && v !== '') (out as Record<string, string>)[k] = v
  }
  return out
}

