import { createStore } from 'zustand/vanilla'
import { batchable } from './batch'
import type { BridgeClient } from '../bridge/bridge-client'
import { createAlertsSlice } from './alerts-slice'
import { createAppSlice } from './app-slice'
import { createCallsSlice } from './calls-slice'
import { createCopilotSlice } from './copilot-slice'
import { createDraftsSlice } from './drafts-slice'
import { createRecordingsSlice } from './recordings-slice'
import { createSandboxSlice } from './sandbox-slice'
import { createToastsSlice } from './toasts-slice'
import { createDirectorySlice } from './directory-slice'
import { createUsageSlice } from './usage-slice'
import { createMessagingSlices } from './messages-slice'
import { createGapsSlice } from './gaps-slice'
import { createHistorySlice } from './history-slice'
import { createCallHistorySlice } from './call-history-slice'
import { createSettingsSlice } from './settings-slice'
import { createWebhookConnectSlice } from './webhook-connect-slice'
import { createWebhooksSlice } from './webhooks-slice'
import { createSupervisionSlice } from './supervision-slice'
import { createScenariosSlice } from './scenarios-slice'
import { createCallConfirmSlice } from './call-confirm-slice'
import { createTeamSlice } from './team-slice'
import type { AppState, AppStore, SliceDeps } from './types'
import { createUpdateSlice } from './update-slice'

function defaultStorage(): SliceDeps['storage'] {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null // storage disabled by the browser: preferences just do not persist
  }
}

/**
 * One store built from typed slices. The bridge is handed in (not imported) so tests build a
 * store around a fake bridge and the app builds one around whichever transport it picked.
 */
export function createAppStore(bridge: BridgeClient, storage: SliceDeps['storage'] = defaultStorage()): AppStore {
  // batchable: start-store applies each burst of pushed events as one store update.
  return createStore<AppState>()(batchable((set, get) => {
    const deps: SliceDeps = { set, get, bridge, storage }
    return {
      ...createToastsSlice(deps),
      ...createAppSlice(deps),
      ...createCallsSlice(deps),
      ...createRecordingsSlice(deps),
      ...createSandboxSlice(deps),
      ...createDraftsSlice(deps),
      ...createSupervisionSlice(deps),
      ...createDirectorySlice(deps),
      ...createUsageSlice(deps),
      ...createMessagingSlices(deps),
      ...createWebhooksSlice(deps),
      ...createWebhookConnectSlice(deps),
      ...createGapsSlice(deps),
      ...createSettingsSlice(deps),
      ...createScenariosSlice(deps),
      ...createAlertsSlice(deps),
      ...createHistorySlice(deps),
      ...createCallConfirmSlice(deps),
      ...createCopilotSlice(deps),
      ...createUpdateSlice(deps),
      ...createTeamSlice(deps),
      ...createCallHistorySlice(deps)
    }
  }))
}
