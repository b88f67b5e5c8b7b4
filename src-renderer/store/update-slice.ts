import type { UpdateStatus } from '../../src-preload/contract'
import type { SliceDeps } from './types'

/** The packaged app's update offer (update.status); absent or `unavailable` anywhere else. */
export interface UpdateSlice {
  update: UpdateStatus | null
  /** The version whose offer the person put off with "Later" (it comes back for a newer one). */
  updateLaterFor: string | null
  restartingForUpdate: boolean
  loadUpdate(): Promise<void>
  setUpdate(status: UpdateStatus): void
  restartToUpdate(): Promise<void>
  updateLater(): void
}

export function createUpdateSlice({ set, get, bridge }: SliceDeps): UpdateSlice {
  return {
    update: null,
    updateLaterFor: null,
    restartingForUpdate: false,
    async loadUpdate() {
      const res = await bridge.invoke('update.status', {})
      // Quietly nothing when unanswered: an older core, or a transport without updates.
      if (res.ok && typeof res.value?.state === 'string') set({ update: res.value })
    },
    setUpdate(status) {
      set({ update: status })
    },
    async restartToUpdate() {
      set({ restartingForUpdate: true })
      const res = await bridge.invoke('update.restart', {})
      // On success the app quits and comes back as the new version; a refusal says why.
      if (!res.ok) set({ restartingForUpdate: false })
      get().report('Restart to update', res)
    },
    updateLater() {
      set((s) => ({ updateLaterFor: s.update?.version ?? null }))
    }
  }
}
