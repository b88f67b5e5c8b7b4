import type { Mode } from '../../src-preload/contract'
import { API_KEY_SECRET } from './live/keys'
import type { SecretStore } from './ports'

/** A shell's environment (process.env); only `AGENTPHONE_API_KEY` is read. */
export type StartEnvironment = Readonly<Record<string, string | undefined>>

/** The environment's key, trimmed; undefined when unset or blank. */
export function environmentKey(env: StartEnvironment | undefined): string | undefined {
  const key = env?.AGENTPHONE_API_KEY?.trim()
  return key ? key : undefined
}

/**
 * Which API key wins: the environment's `AGENTPHONE_API_KEY` over the stored one. It was set for
 * this launch, so it is the person's latest word; the stored key is kept (never overwritten by the
 * environment's) and comes back once the variable is unset.
 */
export function withEnvironmentKey(secrets: SecretStore, env: StartEnvironment | undefined): SecretStore {
  const fromEnv = environmentKey(env)
  if (!fromEnv) return secrets
  return {
    get: (name) => (name === API_KEY_SECRET ? fromEnv : secrets.get(name)),
    set: (name, value) => secrets.set(name, value)
  }
}

export interface StartModeInputs {
  /** A mode the caller insists on (a test, a flag). */
  explicit?: Mode
  /** The mode the person chose last time, if any. */
  saved?: Mode
  /** Whether `AGENTPHONE_API_KEY` is set for this launch. */
  environmentKey: boolean
  /** Whether a key is stored (Settings › Connection). */
  storedKey: boolean
}

/**
 * The mode a start begins in, for both shells:
 * 1. an explicit mode wins;
 * 2. a key in the environment means live (it was set for this launch, as the README says);
 * 3. otherwise the mode chosen last time;
 * 4. a first run starts live when a key is stored, else in the sandbox.
 * Live without a usable key still falls back to the sandbox, with a notice (the host does that).
 */
export function startMode(inputs: StartModeInputs): Mode {
  if (inputs.explicit) return inputs.explicit
  if (inputs.environmentKey) return 'live'
  if (inputs.saved) return inputs.saved
  return inputs.storedKey ? 'live' : 'sandbox'
}
