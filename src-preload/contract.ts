/**
 * The bridge contract: every command, event and payload that crosses between the core and a
 * renderer, whatever the transport (Electron IPC or the headless shell's WebSocket).
 *
 * The core validates every command's params with these schemas; renderers use the inferred types.
 * Names keep their meaning once published: scripts and tests drive them.
 */
import './zod-page-mode'
import { z } from 'zod'
import { AppStatusSchema, CallInfoSchema, DeliveryOutcomeSchema, GapSchema, MessageSchema, ModeSchema, SettingsSchema, TranscriptTurnSchema, VoiceModeSchema } from './payloads'
import type { AgentNumberSchema } from './payloads'
import { copilotCommandParams, copilotEventSchemas, type CopilotCommandResults } from './copilot-payloads'
import type { Agent, AppStatus, BridgeResult, CallInfo, Conversation, Delivery, Gap, HistoryStatus, Message, OpenTurn, Page, PhoneNumber, Settings, TranscriptTurn, WebhookConfig, WebhookStatus } from './payloads'
import type { BridgeErrorPayload, DeliverySummary } from './payloads'
import { DeliverySummarySchema } from './payloads'
import { scenarioCommandParams, scenarioEventSchemas } from './scenario-payloads'
import type { ScenarioCommandResults } from './scenario-payloads'
import { updateCommandParams, updateEventSchemas } from './update-payloads'
import type { UpdateCommandResults } from './update-payloads'
import { teamCommandParams } from './team-payloads'
import type { TeamCommandResults } from './team-payloads'
import { historyCommandParams, historyEventSchemas } from './history-payloads'
import type { HistoryCommandResults } from './history-payloads'

export * from './payloads'
export * from './scenario-payloads'
export * from './copilot-payloads'
export * from './update-payloads'
export * from './team-payloads'
export * from './history-payloads'

// ---------------------------------------------------------------------------------------------
// Commands

const Empty = z.strictObject({})
const Paging = { limit: z.number().int().min(1).max(100).optional(), offset: z.number().int().min(0).optional() }
const Id = z.string().min(1).max(200)
const Phone = z.string().min(1, 'a phone number is required').max(40)
/** The inspector's filters, shared by its list and its export. */
const DeliveryFilter = {
  event: z.string().max(100).optional(),
  channel: z.string().max(40).optional(),
  outcome: DeliveryOutcomeSchema.optional(),
  callId: Id.optional(),
  text: z.string().max(200).optional()
}

export const ReplyParamsSchema = z
  .strictObject({
    turnId: Id,
    text: z.string().max(4000).optional(),
    interim: z.boolean().optional(),
    digits: z
      .string()
      .regex(/^[0-9*#wW]+$/, 'digits may only hold 0-9, *, # and w (a pause)')
      .max(64)
      .optional(),
    hangup: z.boolean().optional(),
    action: z.enum(['transfer', 'hangup']).optional(),
    /**
     * With `action: "transfer"`: where to. AgentPhone transfers to the agent's transferNumber, so a
     * number other than it becomes the agent's transferNumber first. Without it, the agent's own.
     */
    transferTo: z.string().max(40).optional(),
    /** Who is replying, for team use: a second person's reply to a claimed turn is refused. */
    by: z.string().max(100).optional()
  })
  .refine((p) => p.text !== undefined || p.digits !== undefined || p.hangup || p.action, {
    message: 'a reply needs text, digits, hangup or an action'
  })
  .refine((p) => !(p.interim && (p.hangup || p.action)), { message: 'an interim reply cannot hang up or transfer' })
  .refine((p) => p.transferTo === undefined || p.action === 'transfer', { message: 'transferTo goes with action "transfer"' })


/**
 * Every command: its params schema. The result types are in `CommandResults`.
 * Commands the core does not implement yet answer `not_implemented` (listed in the README).
 */
export const commandParams = {
  'app.status': Empty,
  /** Live-mode connection settings. The API key goes to the secret store and never comes back. */
  'app.configure': z.strictObject({
    apiKey: z.string().trim().min(8, 'that API key is too short').max(500).nullable().optional(),
    baseUrl: z.string().url().max(500).optional(),
    receiverPort: z.number().int().min(0).max(65535).optional(),
    tunnelUrl: z.string().url().max(2083).nullable().optional()
  }),
  /** Restarts the core in the other mode; live mode needs an API key first. */
  'app.switchMode': z.strictObject({ mode: ModeSchema }),
  /** Stretches of time when deliveries did not arrive, with what the API had meanwhile. */
  'app.gaps': Empty,
  'settings.get': Empty,
  'settings.update': SettingsSchema.partial().strict(),

  'calls.list': z.strictObject({ ...Paging, live: z.boolean().optional() }),
  'calls.get': z.strictObject({ callId: Id }),
  'calls.place': z.strictObject({
    agentId: Id,
    toNumber: Phone,
    initialGreeting: z.string().max(1000).optional(),
    systemPrompt: z.string().max(20000).optional(),
    voice: z.string().max(200).optional()
  }),
  'calls.end': z.strictObject({ callId: Id }),
  'calls.setAnswerer': z.strictObject({ callId: Id, answeredBy: z.enum(['human', 'fallback']) }),

  'turns.list': Empty,
  'turns.reply': ReplyParamsSchema,
  /**
   * Claims a waiting turn for the caller (typing claims it; typing again keeps it). Over a hub the
   * claim is the connection's person and `by` is ignored. `takeOver`: the person confirmed taking a
   * turn someone else holds.
   */
  'turns.claim': z.strictObject({ turnId: Id, by: z.string().min(1).max(100).optional(), takeOver: z.boolean().optional() }),

  'messages.send': z.strictObject({
    toNumber: Phone,
    body: z.string().min(1, 'the message is empty').max(1600),
    agentId: Id.optional(),
    numberId: Id.optional()
  }),
  'conversations.list': z.strictObject({ ...Paging }),
  'conversations.get': z.strictObject({ conversationId: Id }),
  'conversations.update': z.strictObject({ conversationId: Id, metadata: z.record(z.string(), z.unknown()).nullable() }),

  'agents.list': z.strictObject({ ...Paging }),
  'agents.get': z.strictObject({ agentId: Id }),
  'agents.create': z.strictObject({
    name: z.string().min(1).max(200),
    voiceMode: VoiceModeSchema.optional(),
    systemPrompt: z.string().max(20000).optional(),
    beginMessage: z.string().max(1000).optional(),
    voice: z.string().max(200).optional(),
    transferNumber: z.string().max(40).optional()
  }),
  'agents.update': z.strictObject({
    agentId: Id,
    name: z.string().min(1).max(200).optional(),
    voiceMode: VoiceModeSchema.optional(),
    systemPrompt: z.string().max(20000).nullable().optional(),
    beginMessage: z.string().max(1000).nullable().optional(),
    voice: z.string().max(200).optional(),
    transferNumber: z.string().max(40).nullable().optional()
  }),
  'agents.delete': z.strictObject({ agentId: Id }),
  'agents.voices': Empty,

  'numbers.list': z.strictObject({ ...Paging }),
  'numbers.buy': z.strictObject({ country: z.enum(['US', 'CA']).optional(), areaCode: z.string().regex(/^\d{3}$/).optional(), agentId: Id.optional() }),
  'numbers.release': z.strictObject({ numberId: Id }),
  'numbers.attach': z.strictObject({ numberId: Id, agentId: Id }),
  'numbers.detach': z.strictObject({ numberId: Id, agentId: Id }),

  'webhooks.connect': z.strictObject({
    url: z.string().url().max(2083),
    agentId: Id.optional(),
    contextLimit: z.number().int().min(0).max(50).optional(),
    timeout: z.number().int().min(5).max(120).optional()
  }),
  'webhooks.disconnect': z.strictObject({ restorePrevious: z.boolean().optional() }),
  'webhooks.status': z.strictObject({ agentId: Id.optional() }),
  'webhooks.detectTunnel': Empty,
  /** Summaries (no headers, body or lines), newest first. */
  'webhooks.deliveries': z.strictObject({ ...Paging, limit: z.number().int().min(1).max(1000).optional(), ...DeliveryFilter }),
  /** One delivery in full, for the inspector's detail pane. */
  'webhooks.delivery': z.strictObject({ deliveryId: Id }),
  /**
   * Deliveries in full, page by page, for export; `until` (a `receivedAt`) keeps later pages
   * from shifting as new deliveries arrive.
   */
  'webhooks.export': z.strictObject({ ...Paging, ...DeliveryFilter, until: z.string().max(40).optional() }),
  /** `allowUnverified`: the person confirmed replaying a delivery that was refused (unsigned or badly signed). */
  'webhooks.replay': z.strictObject({ deliveryId: Id, allowUnverified: z.boolean().optional() }),

  /** How much history the data folder keeps, and since when. */
  'history.status': Empty,
  /** Clear history: ended calls, transcripts and deliveries are removed from disk and from the board. Live calls stay. */
  'history.clear': Empty,

  'usage.summary': Empty,
  'usage.daily': z.strictObject({ days: z.number().int().min(1).max(365).optional() }),
  'usage.monthly': z.strictObject({ months: z.number().int().min(1).max(24).optional() }),

  'sandbox.dial': z.strictObject({ to: Phone, from: Phone.optional() }),
  'sandbox.answer': z.strictObject({ callId: Id }),
  'sandbox.decline': z.strictObject({ callId: Id }),
  'sandbox.say': z.strictObject({ callId: Id, text: z.string().min(1, 'say something').max(2000) }),
  'sandbox.press': z.strictObject({ callId: Id, digits: z.string().regex(/^[0-9*#]+$/).max(32) }),
  'sandbox.sms': z.strictObject({ to: Phone, from: Phone.optional(), body: z.string().min(1).max(1600) }),
  'sandbox.hangup': z.strictObject({ callId: Id }),
  /** The next `count` requests to an endpoint fail with a simulated carrier error (503). */
  'sandbox.fault': z.strictObject({ target: z.enum(['messages.send', 'calls.place']), count: z.number().int().min(1).max(10).optional() }),
  /** Empties the sandbox (agents, numbers, calls, threads, contacts, usage, balance) and makes its agent and number again. */
  'sandbox.reset': Empty,
  /** A finished call's recording (WAV), base64-encoded; `null` when AgentPhone has none. */
  'calls.recording': z.strictObject({ callId: Id }),
  /** Silences chimes, desktop notifications and the frame flash in every window (and the tray) for a while; 0 unmutes. */
  'alerts.mute': z.strictObject({ minutes: z.number().min(0).max(24 * 60) }),
  /** A renderer view crashed: the core logs what happened (secrets redacted) so it can be found later. */
  'app.reportError': z.strictObject({
    view: z.string().min(1).max(100),
    message: z.string().max(2000),
    stack: z.string().max(20_000).optional()
  }),
  /** What support needs to see: version, mode, ports, tunnel and webhook state, journal, last log lines; secrets redacted. */
  'app.diagnostics': Empty,
  ...scenarioCommandParams,
  ...copilotCommandParams,
  ...updateCommandParams,
  ...teamCommandParams,
  ...historyCommandParams
} as const

export type CommandName = keyof typeof commandParams
export type CommandParams<M extends CommandName> = z.input<(typeof commandParams)[M]>


/** What each command answers with. */
export interface CommandResults extends ScenarioCommandResults, CopilotCommandResults, UpdateCommandResults, TeamCommandResults, HistoryCommandResults {
  'app.status': AppStatus
  'app.configure': AppStatus
  'app.switchMode': AppStatus
  'app.gaps': { items: Gap[] }
  'settings.get': Settings
  'settings.update': Settings
  'calls.list': Page<CallInfo>
  'calls.get': { call: CallInfo; transcript: TranscriptTurn[] }
  'calls.place': CallInfo
  'calls.end': Record<string, never>
  'calls.setAnswerer': CallInfo
  'turns.list': { items: OpenTurn[] }
  /** The call the answered turn belongs to (for the activity trail), when it was still known. */
  'turns.reply': { callId?: string }
  'turns.claim': OpenTurn
  'messages.send': Message
  'conversations.list': Page<Conversation>
  'conversations.get': { conversation: Conversation; messages: Message[] }
  'conversations.update': Conversation
  'agents.list': Page<Agent>
  'agents.get': Agent
  'agents.create': Agent
  'agents.update': Agent
  'agents.delete': { success: boolean }
  'agents.voices': { items: Array<{ voice_id: string; voice_name: string; provider?: string; gender?: string | null }> }
  'numbers.list': Page<PhoneNumber>
  'numbers.buy': PhoneNumber
  'numbers.release': { success: boolean }
  'numbers.attach': { agentId: string; number: z.infer<typeof AgentNumberSchema> }
  'numbers.detach': { success: boolean }
  'webhooks.connect': {
    webhook: WebhookConfig | null
    test: 'verified' | 'bad_signature' | 'not_arrived' | 'api_refused'
    detail: string
  }
  'webhooks.disconnect': { restored: WebhookConfig | null; note: string }
  'webhooks.status': WebhookStatus
  'webhooks.detectTunnel': { url: string | null; source: 'ngrok' | null; detail: string }
  'webhooks.deliveries': Page<DeliverySummary>
  'webhooks.delivery': Delivery
  'webhooks.export': Page<Delivery>
  'webhooks.replay': Delivery
  'history.status': HistoryStatus
  'history.clear': { removedFiles: number }
  'usage.summary': Record<string, unknown>
  'usage.daily': { data: Array<{ date: string; messages: number; calls: number; webhooks: number; voiceMinutes?: number | null }> }
  'usage.monthly': { data: Array<{ month: string; messages: number; calls: number; webhooks: number; voiceMinutes?: number | null }> }
  'sandbox.dial': { callId: string }
  'sandbox.answer': Record<string, never>
  'sandbox.decline': Record<string, never>
  'sandbox.say': Record<string, never>
  'sandbox.press': Record<string, never>
  'sandbox.sms': { messageId: string }
  'sandbox.hangup': Record<string, never>
  'sandbox.fault': Record<string, never>
  'sandbox.reset': AppStatus
  'calls.recording': { audio: { mimeType: string; base64: string; bytes: number } | null }
  'alerts.mute': { mutedUntil: string | null }
  'app.reportError': Record<string, never>
  'app.diagnostics': { text: string }
}
export type CommandResult<M extends CommandName> = CommandResults[M]

export const commandNames = Object.keys(commandParams) as CommandName[]

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commandParams, name)
}

// ---------------------------------------------------------------------------------------------
// Events

export const eventSchemas = {
  'call.started': CallInfoSchema,
  'call.updated': CallInfoSchema,
  'call.ended': CallInfoSchema,
  'transcript.turn': TranscriptTurnSchema,
  'turn.opened': z.object({ turnId: z.string(), callId: z.string(), transcript: z.string(), deadline: z.string() }),
  'turn.closed': z.object({
    turnId: z.string(),
    callId: z.string(),
    outcome: z.enum(['replied', 'fallback', 'cancelled'])
  }),
  /** `by` is the holder's name; `byId` names the person (a hub link) so a page can tell its own claim. */
  'turn.claimed': z.object({ turnId: z.string(), callId: z.string(), by: z.string(), byId: z.string().optional() }),
  /** A claim let go without an answer: its holder went idle, closed their last tab, or it was taken over. */
  'turn.unclaimed': z.object({ turnId: z.string(), callId: z.string(), by: z.string(), reason: z.enum(['idle', 'left']) }),
  'message.received': MessageSchema,
  'message.sent': MessageSchema,
  'webhook.delivery': DeliverySummarySchema,
  /** Where a `webhooks.connect` in progress is: it answers only once the test delivery arrived or not. */
  'webhooks.progress': z.object({ step: z.enum(['registering', 'waiting']), detail: z.string() }),
  'sandbox.ring': z.object({ callId: z.string(), from: z.string(), to: z.string() }),
  'sandbox.heard': z.object({
    callId: z.string(),
    text: z.string(),
    interim: z.boolean(),
    digits: z.string().optional(),
    hangup: z.boolean().optional(),
    action: z.string().optional()
  }),
  'sandbox.sms': MessageSchema,
  'app.status': AppStatusSchema,
  'app.gap': GapSchema,
  /** Alerts were muted or unmuted (by a window, the tray, or the mute running out). */
  'alerts.muted': z.object({ mutedUntil: z.string().nullable() }),
  /** History was cleared: ended calls, their transcripts and the stored deliveries are gone. */
  'history.cleared': z.object({ at: z.string() }),
  ...scenarioEventSchemas,
  ...copilotEventSchemas,
  ...updateEventSchemas,
  ...historyEventSchemas
} as const

export type EventName = keyof typeof eventSchemas
export type EventData<E extends EventName> = z.infer<(typeof eventSchemas)[E]>
export type BridgeEvent = { [E in EventName]: { event: E; data: EventData<E> } }[EventName]

export const eventNames = Object.keys(eventSchemas) as EventName[]

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventSchemas, name)
}

/** The IPC channel that carries batches of events from main to the window. */
export const EVENTS_CHANNEL = 'bridge.events'

/**
 * The headless shell's WebSocket wire format: one JSON object per text message.
 * - call (client → shell): `{"id": 7, "method": "calls.place", "params": {...}}`
 * - answer: `{"id": 7, "result": {...}}` or `{"id": 7, "error": {"code": "invalid_params", "message": "..."}}`
 * - events (shell → client): `{"events": [{"event": "turn.opened", "data": {...}}, ...]}`, every
 *   event of one flush (at most ~60 flushes a second per client) in the order they were emitted,
 *   so a busy session costs one message per flush rather than one per event. Readers also take a
 *   lone `{"event", "data"}` as a batch of one.
 * A client that stops reading is closed with code 4001 once too many events wait for it; it
 * reconnects and reloads its lists, as after any drop.
 */
export type WireCall = { id: number; method: CommandName; params?: Record<string, unknown> }
export type WireAnswer = { id: number | null; result: unknown } | { id: number | null; error: BridgeErrorPayload }
export type WireEvents = { events: BridgeEvent[] }

/**
 * What a renderer sees, whichever transport is behind it. `invoke` never throws for a refused
 * command: the error comes back as data.
 */
export interface BridgeApi {
  invoke<M extends CommandName>(method: M, params: CommandParams<M>): Promise<BridgeResult<CommandResult<M>>>
  on<E extends EventName>(event: E, handler: (data: EventData<E>) => void): () => void
}
