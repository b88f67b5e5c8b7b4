import type { Delivery } from '../../src-preload/contract'
import { filterParams } from './delivery-filter'
import type { SliceDeps } from './types'

/** Full deliveries asked for per export request (the command's limit). */
export const EXPORT_PAGE = 100

/**
 * The parts of the inspector that need whole deliveries, which live events and the list do not
 * carry: the selected one's headers, body and lines (`webhooks.delivery`, fetched when it is
 * opened and again when it changes), and export (`webhooks.export`, page by page).
 */
export function createDeliveryDetail({ set, get, bridge }: SliceDeps) {
  /** Per delivery id being fetched: whether it changed again meanwhile (one more fetch follows). */
  const fetching = new Map<string, boolean>()

  async function refresh(id: string): Promise<void> {
    if (fetching.has(id)) {
      fetching.set(id, true)
      return
    }
    fetching.set(id, false)
    set((s) => ({ openedDelivery: s.openedDelivery?.id === id ? { ...s.openedDelivery, error: null } : { id, delivery: null, error: null } }))
    try {
      do {
        fetching.set(id, false)
        const res = await bridge.invoke('webhooks.delivery', { deliveryId: id })
        // The person moved on meanwhile: what they look at now is someone else's fetch.
        if (get().selectedDeliveryId !== id) return
        if (res.ok) set({ openedDelivery: { id, delivery: res.value, error: null } })
        else set((s) => ({ openedDelivery: { id, delivery: s.openedDelivery?.id === id ? s.openedDelivery.delivery : null, error: res.error.message } }))
      } while (fetching.get(id))
    } finally {
      fetching.delete(id)
    }
  }

  async function exportAll(): Promise<Delivery[] | null> {
    const filter = filterParams(get().deliveryFilter)
    const byId = new Map<string, Delivery>()
    let total = get().deliveriesTotal
    let until: string | undefined
    set({ exportProgress: { done: 0, total } })
    try {
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const page = { ...filter, limit: EXPORT_PAGE, offset, ...(until ? { until } : {}) }
        const res = get().report('Exporting deliveries', await bridge.invoke('webhooks.export', page))
        if (!res) return null
        // Later pages stop at the newest delivery of the first, so new arrivals do not shift them.
        if (offset === 0) {
          until = res.items[0]?.receivedAt
          total = res.total
        }
        for (const d of res.items) byId.set(d.id, d)
        set({ exportProgress: { done: byId.size, total } })
        if (res.items.length < EXPORT_PAGE || offset + EXPORT_PAGE >= total) return [...byId.values()]
      }
    } finally {
      set({ exportProgress: null })
    }
  }

  return { refresh, exportAll }
}
