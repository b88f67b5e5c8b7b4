import type { BridgeClient } from '../bridge/bridge-client'
import type { AppStore } from './types'

/** A run's steps and its end, pushed by the core while the Scenarios view watches. */
export function subscribeScenarioEvents(store: AppStore, bridge: BridgeClient): Array<() => void> {
  const s = store.getState
  return [
    bridge.on('scenario.step', (e) => s().applyScenarioStep({ runId: e.runId, index: e.index, label: e.label, request: e.request, result: e.result })),
    bridge.on('scenario.finished', (e) => s().finishScenarioRun(e.runId, e.result, e.error))
  ]
}
