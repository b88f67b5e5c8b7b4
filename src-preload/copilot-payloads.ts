/**
 * The copilot's part of the bridge contract: a model that drafts the reply to a caller's turn (or
 * an SMS), and in autopilot answers on its own. Kept beside payloads.ts; contract.ts re-exports it.
 */
import { z } from 'zod'

export const CopilotModeSchema = z.enum(['off', 'suggest', 'autopilot'])
export type CopilotMode = z.infer<typeof CopilotModeSchema>

/** `''` or an http(s) URL: where the OpenAI-compatible server is (`''` means OpenAI itself). */
const BaseUrl = z.union([z.literal(''), z.string().trim().url('the base URL must be a full URL, e.g. http://localhost:11434/v1').regex(/^https?:\/\//i, 'the base URL must start with http:// or https://').max(500)])

/** What the model asked for besides words: the actions a voice reply supports. */
export const CopilotActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('transfer') }),
  z.object({ type: z.literal('hangup') }),
  z.object({ type: z.literal('digits'), digits: z.string() })
])
export type CopilotAction = z.infer<typeof CopilotActionSchema>

export const CopilotStatusSchema = z.object({
  mode: CopilotModeSchema,
  /** As saved; `''` means OpenAI's own (https://api.openai.com/v1). */
  baseUrl: z.string(),
  /** As saved; `''` means the default model. */
  model: z.string(),
  /** Whether a key is stored (the key itself never crosses the bridge). */
  hasKey: z.boolean(),
  /** Sandbox with neither key nor base URL: the built-in simulated model answers. */
  simulated: z.boolean(),
  /** What the UI names the model by ("gpt-4o-mini", "simulated model"). */
  modelLabel: z.string(),
  /** Why the copilot cannot run as set up, in plain words; null when it can. */
  notice: z.string().nullable(),
  /** Agents autopilot answers for; null means every agent. */
  autopilotAgentIds: z.array(z.string()).nullable(),
  /** The one global pause: while true, autopilot only drafts. */
  paused: z.boolean(),
  /** Live calls where a person took over from autopilot. */
  takenOver: z.array(z.string())
})
export type CopilotStatus = z.infer<typeof CopilotStatusSchema>

/** A draft of the answer to a voice turn, streamed: `text` is everything so far, not a delta. */
export const CopilotDraftSchema = z.object({
  turnId: z.string(),
  callId: z.string(),
  text: z.string(),
  done: z.boolean(),
  modelLabel: z.string(),
  /** True while autopilot means to send it itself; false for a suggestion the person sends. */
  autopilot: z.boolean(),
  /** An action the model asked for; in suggest mode only proposed, never taken. */
  action: CopilotActionSchema.optional(),
  /** Why there is no (complete) draft, in plain words. */
  error: z.string().optional()
})
export type CopilotDraft = z.infer<typeof CopilotDraftSchema>

/** A draft reply to an SMS that just arrived; the renderer files it under that conversation. */
export const CopilotSmsDraftSchema = z.object({
  messageId: z.string(),
  conversationId: z.string().nullable(),
  /** The contact's number and the agent's number of the message answered. */
  from: z.string(),
  to: z.string(),
  text: z.string(),
  done: z.boolean(),
  modelLabel: z.string(),
  error: z.string().optional()
})
export type CopilotSmsDraft = z.infer<typeof CopilotSmsDraftSchema>

export const copilotCommandParams = {
  'copilot.status': z.strictObject({}),
  /** The key goes to the secret store and never comes back; null removes it. */
  'copilot.configure': z.strictObject({
    mode: CopilotModeSchema.optional(),
    baseUrl: BaseUrl.optional(),
    model: z.string().trim().max(200).optional(),
    apiKey: z.string().trim().min(1, 'the key is empty').max(500).nullable().optional(),
    autopilotAgentIds: z.array(z.string().min(1).max(200)).max(500).nullable().optional()
  }),
  /** One short streamed request; unsaved values may be tried before saving them. */
  'copilot.test': z.strictObject({
    baseUrl: BaseUrl.optional(),
    model: z.string().trim().max(200).optional(),
    apiKey: z.string().trim().min(1).max(500).optional()
  }),
  'copilot.pause': z.strictObject({ paused: z.boolean() }),
  /** Autopilot stops for this call at once; its turn is left to the person. */
  'copilot.takeOver': z.strictObject({ callId: z.string().min(1).max(200) }),
  'copilot.handBack': z.strictObject({ callId: z.string().min(1).max(200) }),
  /** The person cleared a draft: stop asking the model for it. */
  'copilot.dismiss': z.strictObject({ turnId: z.string().min(1).max(200).optional(), messageId: z.string().min(1).max(200).optional() })
} as const

export type CopilotTestResult = { ok: boolean; detail: string; modelLabel: string; ms: number }

export interface CopilotCommandResults {
  'copilot.status': CopilotStatus
  'copilot.configure': CopilotStatus
  'copilot.test': CopilotTestResult
  'copilot.pause': CopilotStatus
  'copilot.takeOver': CopilotStatus
  'copilot.handBack': CopilotStatus
  'copilot.dismiss': Record<string, never>
}

export const copilotEventSchemas = {
  'copilot.status': CopilotStatusSchema,
  'copilot.draft': CopilotDraftSchema,
  'copilot.smsDraft': CopilotSmsDraftSchema
} as const

/**
 * Whether autopilot answers this call's turns by itself. One rule for the core (which acts on it)
 * and the renderer (which shows it), so the two never disagree.
 */
export function autopilotAnswers(status: Pick<CopilotStatus, 'mode' | 'paused' | 'autopilotAgentIds' | 'takenOver' | 'notice'>, call: { id: string; agentId: string | null }): boolean {
  if (status.mode !== 'autopilot' || status.paused || status.notice !== null) return false
  if (status.takenOver.includes(call.id)) return false
  return status.autopilotAgentIds === null || (call.agentId !== null && status.autopilotAgentIds.includes(call.agentId))
}
