import { z } from 'zod'
import { CopilotModeSchema } from '../../../src-preload/contract'
import { overDefaults } from '../live/settings'
import type { KeyValueStore } from '../ports'

/** Settings-store key of the copilot's non-secret settings. */
export const COPILOT_SETTINGS_KEY = 'copilot'
/** Secret-store name of the model server's key (never in the settings store, the renderer or a log). */
export const COPILOT_KEY_SECRET = 'copilotApiKey'

/** The SDK's own default, spelled out so the UI can say where requests go. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1'
/** A small, fast model: a turn gives the copilot seconds, not minutes. */
export const DEFAULT_MODEL = 'gpt-4o-mini'
/** The name the simulator's built-in model answers to, and what the UI calls it. */
export const SIMULATED_MODEL = 'switchboard-simulated'
export const SIMULATED_LABEL = 'simulated model'

const CopilotSettingsSchema = z.object({
  mode: CopilotModeSchema,
  baseUrl: z.string().max(500),
  model: z.string().max(200),
  autopilotAgentIds: z.array(z.string()).nullable(),
  paused: z.boolean()
})
export type CopilotSettings = z.infer<typeof CopilotSettingsSchema>

/** Off by default: nothing is sent to any model until the person turns it on. */
export const DEFAULT_COPILOT: CopilotSettings = { mode: 'off', baseUrl: '', model: '', autopilotAgentIds: null, paused: false }

/** Stored values over the defaults, field by field: one bad field (a hand edit) costs only itself. */
export function readCopilotSettings(store: KeyValueStore): CopilotSettings {
  return overDefaults(CopilotSettingsSchema, DEFAULT_COPILOT, store.get(COPILOT_SETTINGS_KEY))
}

export function writeCopilotSettings(store: KeyValueStore, patch: Partial<CopilotSettings>): CopilotSettings {
  const next = CopilotSettingsSchema.parse({ ...readCopilotSettings(store), ...patch })
  store.set(COPILOT_SETTINGS_KEY, next)
  return next
}

/** Where the copilot's requests go, resolved from the settings, the key and the mode. */
export interface CopilotEndpoint {
  baseURL: string
  apiKey: string
  model: string
  /** What the UI calls the model. */
  label: string
  simulated: boolean
}

/** The simulator's OpenAI-compatible endpoint, in sandbox mode only. */
export type SimulatedEndpoint = { baseURL: string; apiKey: string }

/**
 * The endpoint to use, or why there is none. In sandbox mode with neither a key nor a base URL the
 * simulator's built-in model answers, so the feature can be tried without any account. A local
 * server (Ollama, LM Studio, vLLM) needs no key: the SDK insists on one, so a placeholder goes.
 */
export function resolveEndpoint(
  s: Pick<CopilotSettings, 'baseUrl' | 'model'>,
  key: string | undefined,
  simulated: SimulatedEndpoint | null
): { endpoint: CopilotEndpoint; notice: null } | { endpoint: null; notice: string } {
  if (!key && !s.baseUrl) {
    if (simulated) return { endpoint: { ...simulated, model: SIMULATED_MODEL, label: SIMULATED_LABEL, simulated: true }, notice: null }
    return { endpoint: null, notice: 'The copilot needs a key for OpenAI, or the base URL of a local model server: Settings › Copilot.' }
  }
  const model = s.model || DEFAULT_MODEL
  return { endpoint: { baseURL: s.baseUrl || OPENAI_BASE_URL, apiKey: key || 'no-key', model, label: model, simulated: false }, notice: null }
}
