import type { HistoryStatus } from '../../src-preload/contract'
import type { ActionError } from './directory-slice'
import type { SliceDeps } from './types'

export interface HistorySlice {
  history: HistoryStatus | null
  historyError: string | null
  loadHistory(): Promise<void>
  /** Clear history (the dialog asked first); answers the refusal, or null when done. */
  clearHistory(): Promise<ActionError>
}

/** Settings › History: what the data folder keeps, and Clear history. */
export function createHistorySlice({ set, bridge }: SliceDeps): HistorySlice {
  const load = async (): Promise<void> => {
    const res = await bridge.invoke('history.status', {})
    if (res.ok) set({ history: res.value, historyError: null })
    else set({ historyError: res.error.message })
  }
  return {
    history: null,
    historyError: null,
    loadHistory: load,
    async clearHistory() {
      const res = await bridge.invoke('history.clear', {})
      if (!res.ok) return res.error
      // The board itself is reset by the history.cleared event, which every open window gets.
      await load()
      return null
    }
  }
}
