import type { CopilotMode } from '../../../src-preload/contract'
import type { KeyValueStore, SecretStore } from '../ports'
import { COPILOT_KEY_SECRET, COPILOT_SETTINGS_KEY } from './copilot-settings'

/** What the headless shell takes from its command line and environment. */
export interface CopilotOverrides {
  /** `--copilot off|suggest|autopilot` */
  mode?: CopilotMode | undefined
  /** `OPENAI_BASE_URL`, the SDK's own variable */
  baseUrl?: string | undefined
  /** `SWITCHBOARD_COPILOT_MODEL` */
  model?: string | undefined
}

/**
 * The settings store with the command line's copilot values laid over what is saved, for this run
 * only: a flag never rewrites the saved settings behind the person's back. Once the person saves
 * the copilot's settings in the UI, what they chose (which started from these values) wins.
 */
export function withCopilotOverrides(store: KeyValueStore, overrides: CopilotOverrides): KeyValueStore {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined && v !== ''))
  let active = Object.keys(given).length > 0
  return {
    get<T>(key: string): T | undefined {
      const stored = store.get<T>(key)
      if (key !== COPILOT_SETTINGS_KEY || !active) return stored
      return { ...(stored && typeof stored === 'object' ? stored : {}), ...given } as T
    },
    set(key, value) {
      if (key === COPILOT_SETTINGS_KEY) active = false
      store.set(key, value)
    }
  }
}

/**
 * The secret store with `OPENAI_API_KEY` standing in for the copilot's key while it is set, the
 * way `AGENTPHONE_API_KEY` stands in for the AgentPhone key. It is read, never written to disk.
 */
export function withCopilotKey(secrets: SecretStore, envKey: string | undefined): SecretStore {
  const key = envKey?.trim()
  if (!key) return secrets
  return {
    get: (name) => (name === COPILOT_KEY_SECRET ? key : secrets.get(name)),
    set: (name, value) => secrets.set(name, value)
  }
}
