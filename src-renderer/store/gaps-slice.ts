import type { SliceDeps } from './types'
import type { GapsSlice } from './webhooks-types'

/** The core keeps at most 50 gaps; the banner never needs more. */
const MAX_GAPS = 50

/**
 * Stretches when Switchboard was not receiving, with what AgentPhone had meanwhile. Dismissing
 * hides the gaps known now; a later gap shows the banner again.
 */
export function createGapsSlice({ set, get, bridge }: SliceDeps): GapsSlice {
  return {
    gaps: [],
    dismissedGapIds: [],
    async loadGaps() {
      const res = await bridge.invoke('app.gaps', {})
      // A failed check is not worth a toast: the banner is a bonus, and app.gap events still arrive.
      if (res.ok) set({ gaps: res.value.items.slice(-MAX_GAPS) })
    },
    addGap(gap) {
      if (get().gaps.some((g) => g.id === gap.id)) return
      set((s) => ({ gaps: [...s.gaps, gap].slice(-MAX_GAPS) }))
    },
    dismissGaps() {
      set((s) => ({ dismissedGapIds: s.gaps.map((g) => g.id) }))
    }
  }
}
