import type { Delivery, DeliverySummary } from '../../src-preload/contract'
import { toDeliverySummary } from '../../src-preload/delivery-summary'
import { filterParams, matchesFilter, type DeliveryFilter } from './delivery-filter'
import type { SliceDeps } from './types'
import { createDeliveryDetail } from './webhooks-detail'
import type { WebhooksSlice } from './webhooks-types'

/** Rows the inspector asks for and keeps: the core holds 5000, a person reads the newest few hundred. */
export const DELIVERY_PAGE = 500
/** Typing in a filter box waits this long before asking the core, so each keystroke is not a query. */
const FILTER_DEBOUNCE_MS = 200
/** With a text filter, new deliveries are matched by the core: at most one such query this often. */
const TEXT_REFRESH_MS = 1000

/** Only the summary of a delivery is kept in the list, whatever object it came in (a replay answers in full). */
export function summaryOf(d: DeliverySummary | Delivery): DeliverySummary {
  return 'body' in d ? toDeliverySummary(d) : d
}

/**
 * The Webhooks inspector's state: what the receiver saw (filtered by the core, kept live by
 * `webhook.delivery` events, which also carry updates of an existing id), the selection, replay.
 * Rows are summaries; the selected delivery is fetched in full (webhooks-detail.ts).
 */
export function createWebhooksSlice(deps: SliceDeps): WebhooksSlice {
  const { set, get, bridge } = deps
  let debounce: ReturnType<typeof setTimeout> | null = null
  let textRefresh: ReturnType<typeof setTimeout> | null = null
  // A slow answer to an older filter must not overwrite the answer to the newer one.
  let loadSeq = 0
  const detail = createDeliveryDetail(deps)

  return {
    deliveries: [],
    deliveriesTotal: 0,
    deliveriesLoading: false,
    deliveriesLoaded: false,
    deliveryFilter: {},
    selectedDeliveryId: null,
    openedDelivery: null,
    replayingId: null,
    exportProgress: null,

    async loadDeliveries() {
      const seq = ++loadSeq
      set({ deliveriesLoading: true })
      const params = { limit: DELIVERY_PAGE, ...filterParams(get().deliveryFilter) }
      const res = get().report('Loading deliveries', await bridge.invoke('webhooks.deliveries', params))
      if (seq !== loadSeq) return
      if (res) set({ deliveries: res.items.map(summaryOf), deliveriesTotal: res.total, deliveriesLoading: false, deliveriesLoaded: true })
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

    upsertDelivery(incoming) {
      // Until the inspector has loaded its list there is nothing to keep live: it loads when opened.
      if (!get().deliveriesLoaded) return
      const d = summaryOf(incoming)
      let ask = false
      set((s) => {
        const at = s.deliveries.findIndex((x) => x.id === d.id)
        if (at >= 0) {
          const next = s.deliveries.slice()
          next[at] = d
          return { deliveries: next }
        }
        const match = matchesFilter(d, s.deliveryFilter)
        ask = match === 'ask'
        if (match !== true) return {}
        return { deliveries: [d, ...s.deliveries].slice(0, DELIVERY_PAGE), deliveriesTotal: s.deliveriesTotal + 1 }
      })
      // An update of the delivery on screen (a voice turn wrote another line): fetch it again.
      if (get().selectedDeliveryId === d.id) void detail.refresh(d.id)
      if (ask && get().deliveriesLoaded && !textRefresh) {
        textRefresh = setTimeout(() => {
          textRefresh = null
          void get().loadDeliveries()
        }, TEXT_REFRESH_MS)
      }
    },

    selectDelivery(id) {
      set({ selectedDeliveryId: id })
      if (id === null) set({ openedDelivery: null })
      else if (get().openedDelivery?.id !== id || get().openedDelivery?.error) void detail.refresh(id)
    },

    loadDeliveryDetail: (id) => detail.refresh(id),

    async replayDelivery(id, allowUnverified) {
      set({ replayingId: id })
      const params = allowUnverified ? { deliveryId: id, allowUnverified: true } : { deliveryId: id }
      const res = get().report('Replaying the delivery', await bridge.invoke('webhooks.replay', params))
      set({ replayingId: null })
      if (!res) return null
      // The event for the new row may arrive before or after this answer; upsert is by id either way.
      get().upsertDelivery(res)
      set({ selectedDeliveryId: res.id, openedDelivery: { id: res.id, delivery: res, error: null } })
      return res
    },

    exportDeliveries: () => detail.exportAll(),
  }
}

function clean(f: DeliveryFilter): DeliveryFilter {
  const out: DeliveryFilter = {}
  for (const [k, v] of Object.entries(f) as Array<[keyof DeliveryFilter, string | undefined]>) {
    if (v !== undefined && v !== '') (out as Record<string, string>)[k] = v
  }
  return out
}
