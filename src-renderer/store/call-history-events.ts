import type { BridgeClient } from '../bridge/bridge-client'
import type { AppStore } from './types'

/** After a burst of ended calls or messages, one refresh (not one per event). */
const SETTLE_MS = 800

/**
 * History and Usage follow what happens: an ended call appears at the top of History, a note
 * written in another window shows here, and Usage counts again once calls and messages settle.
 */
export function subscribeCallHistoryEvents(store: AppStore, bridge: BridgeClient): Array<() => void> {
  const s = store.getState
  let usageTimer: ReturnType<typeof setTimeout> | null = null
  let historyTimer: ReturnType<typeof setTimeout> | null = null
  const later = (timer: ReturnType<typeof setTimeout> | null, run: () => void): ReturnType<typeof setTimeout> => {
    if (timer) clearTimeout(timer)
    return setTimeout(run, SETTLE_MS)
  }
  // Only a Usage view that was opened (its numbers on screen or in the store) is refreshed.
  const usageMoved = (): void => {
    if (s().usageSummary === null) return
    usageTimer = later(usageTimer, () => {
      usageTimer = null
      void s().loadUsage()
    })
  }
  return [
    bridge.on('call.ended', () => {
      historyTimer = later(historyTimer, () => {
        historyTimer = null
        void s().refreshHistoryTop()
      })
      usageMoved()
    }),
    bridge.on('message.received', usageMoved),
    bridge.on('message.sent', usageMoved),
    bridge.on('notes.changed', (note) => s().noteChanged(note)),
    bridge.on('history.cleared', () => {
      if (s().callHistory.loaded) void s().reloadHistory()
      store.setState({ afterCall: null, search: { text: '', hits: [], searching: false, error: null, ready: true } })
    }),
    () => {
      if (usageTimer) clearTimeout(usageTimer)
      if (historyTimer) clearTimeout(historyTimer)
    }
  ]
}
