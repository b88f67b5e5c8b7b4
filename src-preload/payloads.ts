/**
 * The payloads that cross the bridge: what the core sends and the renderer shows. Shared by every
 * side through contract.ts, which re-exports all of this.
 */
import { z } from 'zod'

// ---------------------------------------------------------------------------------------------
// Shared payloads

export const ModeSchema = z.enum(['sandbox', 'live'])
export type Mode = z.infer<typeof ModeSchema>

export const VoiceModeSchema = z.enum(['webhook', 'hosted'])

export const AgentNumberSchema = z.looseObject({
  id: z.string(),
  phoneNumber: z.string(),
  status: z.string().optional(),
  type: z.string().optional()
})

/** An AgentPhone agent, as the API returns it (extra fields pass through). */
export const AgentSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable().optional(),
  voiceMode: VoiceModeSchema,
  systemPrompt: z.string().nullable().optional(),
  beginMessage: z.string().nullable().optional(),
  voice: z.string().optional(),
  transferNumber: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  numbers: z.array(AgentNumberSchema).nullable().optional()
})
export type Agent = z.infer<typeof AgentSchema>

/** An AgentPhone phone number, as the API returns it. */
export const PhoneNumberSchema = z.looseObject({
  id: z.string(),
  phoneNumber: z.string(),
  country: z.string().optional(),
  status: z.string(),
  type: z.string().optional(),
  agentId: z.string().nullable(),
  createdAt: z.string().optional()
})
export type PhoneNumber = z.infer<typeof PhoneNumberSchema>

export const DirectionSchema = z.enum(['inbound', 'outbound', 'web'])
export const CallStatusSchema = z.enum(['ringing', 'in-progress', 'ending', 'completed', 'failed'])
export type CallStatus = z.infer<typeof CallStatusSchema>

/** How a call ended, from AgentPhone's status and disconnection reason (and who asked to end it). */
export const CallOutcomeSchema = z.object({
  kind: z.enum(['completed', 'declined', 'no_answer', 'busy', 'voicemail', 'failed', 'transferred', 'hung_up', 'ended_by_you', 'ended_by_agent']),
  /** In words, for every call list and the transcript: "No answer", "Transferred to +1…", "Caller hung up". */
  label: z.string(),
  /** The number transferred to, or a failure's reason; null otherwise. */
  detail: z.string().nullable()
})
export type CallOutcome = z.infer<typeof CallOutcomeSchema>

/** A call as Switchboard shows it: AgentPhone's call plus what the console knows about it. */
export const CallInfoSchema = z.object({
  id: z.string(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  voiceMode: VoiceModeSchema.nullable(),
  direction: DirectionSchema,
  from: z.string(),
  to: z.string(),
  status: CallStatusSchema,
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  lastWords: z.string().nullable(),
  /** Who answers this call's turns: a person, or the fallback line only. */
  answeredBy: z.enum(['human', 'fallback']),
  /** The voice turn waiting for an answer, if any. */
  waitingTurn: z
    .object({ turnId: z.string(), deadline: z.string(), transcript: z.string(), claimedBy: z.string().nullable(), claimedById: z.string().nullable().optional() })
    .nullable(),
  /** Once the call is over: how it ended. */
  outcome: CallOutcomeSchema.nullable().optional()
})
export type CallInfo = z.infer<typeof CallInfoSchema>

/** `system`: a line the console adds, not a voice (how the call ended). */
export const SpeakerSchema = z.enum(['caller', 'agent', 'system'])
/** Where a line came from: the filler, a person, the fallback, the hosted agent, the copilot's autopilot; `outcome` for a system line. */
export const LineSourceSchema = z.enum(['filler', 'human', 'fallback', 'hosted', 'greeting', 'caller', 'outcome', 'copilot'])

export const TranscriptTurnSchema = z.object({
  callId: z.string(),
  speaker: SpeakerSchema,
  text: z.string(),
  interim: z.boolean().optional(),
  at: z.string(),
  source: LineSourceSchema.optional(),
  confidence: z.number().optional(),
  digits: z.string().optional(),
  /** An agent line that also hung up or transferred the call (it may have no words at all). */
  action: z.enum(['transfer', 'hangup']).optional(),
  /** Copilot lines: which model said it ("gpt-4o-mini", "simulated model"). */
  model: z.string().optional(),
  /** Who sent a person's line (`turns.reply`'s `by`). */
  by: z.string().optional()
})
export type TranscriptTurn = z.infer<typeof TranscriptTurnSchema>

export const MessageSchema = z.object({
  id: z.string(),
  conversationId: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']),
  from: z.string(),
  to: z.string(),
  body: z.string(),
  channel: z.string(),
  at: z.string(),
  agentId: z.string().nullable().optional()
})
export type Message = z.infer<typeof MessageSchema>

export const ConversationSchema = z.looseObject({
  id: z.string(),
  agentId: z.string().nullable().optional(),
  phoneNumberId: z.string().nullable().optional(),
  phoneNumber: z.string().nullable().optional(),
  participant: z.string().nullable().optional(),
  lastMessageAt: z.string().nullable().optional(),
  lastMessagePreview: z.string().nullable().optional(),
  messageCount: z.number().optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional()
})
export type Conversation = z.infer<typeof ConversationSchema>

export const DeliveryOutcomeSchema = z.enum(['accepted', 'refused', 'duplicate'])

/** One request the receiver saw, verified or not (headers and body with secrets redacted). */
export const DeliverySchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  method: z.string(),
  path: z.string(),
  webhookId: z.string().nullable(),
  event: z.string().nullable(),
  channel: z.string().nullable(),
  callId: z.string().nullable(),
  conversationId: z.string().nullable(),
  outcome: DeliveryOutcomeSchema,
  reason: z.string().nullable(),
  status: z.number(),
  ttfbMs: z.number().nullable(),
  replayed: z.boolean(),
  /** A replay, confirmed by the person, of a delivery that was refused: its content was never verified. */
  unverified: z.boolean().optional(),
  /** The number of the person the delivery is about (read from its body by the receiver), when it names one. */
  party: z.string().nullable(),
  headers: z.record(z.string(), z.string()),
  body: z.string(),
  lines: z.array(z.object({ atMs: z.number(), line: z.string() }))
})
export type Delivery = z.infer<typeof DeliverySchema>

/**
 * A delivery without its headers, body and NDJSON lines: what `webhook.delivery` events and the
 * inspector's list carry, so a busy receiver does not send every body to every window. The
 * inspector fetches the rest (`webhooks.delivery`) when a delivery is opened.
 */
export const DeliverySummarySchema = DeliverySchema.omit({ headers: true, body: true, lines: true })
export type DeliverySummary = z.infer<typeof DeliverySummarySchema>

export const ErrorCodeSchema = z.enum([
  'invalid_params',
  'unknown_method',
  'not_implemented',
  'not_found',
  'not_available',
  'turn_closed',
  'turn_claimed',
  'invalid_number',
  'api_error',
  /** The action is allowed only once the person confirms it (e.g. replaying an unverified delivery). */
  'needs_confirmation',
  /** The caller's link does not allow this (its role, or a setting only the hub's own machine may change). */
  'forbidden',
  'internal'
])
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

/** Errors cross the bridge as data, never as thrown objects. */
export const BridgeErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  status: z.number().optional(),
  retryAfterSeconds: z.number().optional()
})
export type BridgeErrorPayload = z.infer<typeof BridgeErrorSchema>

export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeErrorPayload }


export const AppStatusSchema = z.object({
  mode: ModeSchema,
  version: z.string(),
  receiverUrl: z.string(),
  simulatorUrl: z.string().nullable(),
  baseUrl: z.string().nullable(),
  sandbox: z
    .object({
      agent: z.object({ id: z.string(), name: z.string(), voiceMode: VoiceModeSchema }),
      number: z.object({ id: z.string(), phoneNumber: z.string() })
    })
    .nullable(),
  turnTimeoutSeconds: z.number(),
  startedAt: z.string(),
  /** Whether an API key is stored (the key itself never crosses the bridge). */
  hasApiKey: z.boolean(),
  tunnelUrl: z.string().nullable(),
  /** Something the person should know about the setup (a failed live start, no secret storage). */
  notice: z.string().nullable(),
  /** Until when chimes and desktop notifications stay quiet (ISO time), shared by every window; null: not muted. */
  alertsMutedUntil: z.string().nullable(),
  /**
   * Live mode could not take the receiver's remembered port (the tunnel points there), so it did not
   * start: the port that is taken and a free one to offer instead.
   */
  portConflict: z.object({ port: z.number(), suggestion: z.number().nullable() }).nullable().optional(),
  /** Whether the journal (the history on disk) is being written; `error` says why not. */
  journal: z.object({ ok: z.boolean(), error: z.string().nullable(), since: z.string().nullable() }).optional()
})
export type AppStatus = z.infer<typeof AppStatusSchema>

export const SettingsSchema = z.object({
  fillerText: z.string().max(500),
  fillerEnabled: z.boolean(),
  fallbackText: z.string().max(500),
  /** Seconds inside the webhook timeout that a turn's deadline keeps as a margin. */
  deadlineMarginSeconds: z.number().min(1).max(30),
  webhookTimeoutSeconds: z.number().int().min(5).max(120),
  quickReplies: z.array(z.string().max(500)).max(20),
  notifications: z.object({ inboundCall: z.boolean(), waitingTurn: z.boolean(), sms: z.boolean() }),
  theme: z.enum(['system', 'light', 'dark']),
  /** Days of history (calls, transcripts, deliveries) kept in the data folder; older days are removed. */
  historyRetentionDays: z.number().int().min(1).max(3650)
})
export type Settings = z.infer<typeof SettingsSchema>

export type Page<T> = { items: T[]; total: number }

export const WebhookConfigSchema = z.object({
  id: z.string().optional(),
  url: z.string(),
  status: z.string().optional(),
  contextLimit: z.number().optional(),
  timeout: z.number().optional()
})
export type WebhookConfig = z.infer<typeof WebhookConfigSchema>

export type WebhookStatus = {
  scope: 'project' | 'agent'
  agentId: string | null
  /** What AgentPhone has registered now (null: nothing). */
  current: WebhookConfig | null
  /** True when the current registration is the one this console made. */
  ours: boolean
  /** What was registered before Switchboard replaced it, offered back on disconnect. */
  previous: WebhookConfig | null
  receiverUrl: string
  receiverPort: number
  tunnelUrl: string | null
  lastDeliveryAt: string | null
}

export const GapSchema = z.object({
  id: z.string(),
  from: z.string(),
  to: z.string(),
  calls: z.array(z.object({ id: z.string(), from: z.string(), to: z.string(), direction: z.string(), status: z.string(), startedAt: z.string() })),
  messages: z.array(MessageSchema)
})
export type Gap = z.infer<typeof GapSchema>
export type OpenTurn = { turnId: string; callId: string; transcript: string; deadline: string; claimedBy: string | null; claimedById?: string | null }

/** The history kept on disk (the journal), for Settings › History. */
export type HistoryStatus = {
  retentionDays: number
  files: number
  bytes: number
  /** The oldest record kept, or null when the history is empty. */
  oldestAt: string | null
}
