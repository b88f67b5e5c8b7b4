/**
 * The simulator's stored records. They hold what the wire shapes are built from (serialize.ts) and
 * a few private fields the wire never shows (how a call is answered, who a delivery went to).
 */
import type { Clock, Logger } from '../ports'

export type VoiceMode = 'webhook' | 'hosted'
/** Statuses the vendor's clients see (agentphone-api.md §9.4); `busy` and `no-answer` end unconnected calls. */
export type CallStatus = 'ringing' | 'in-progress' | 'ending' | 'completed' | 'failed' | 'busy' | 'no-answer'
export type Direction = 'inbound' | 'outbound'
export type CallDirection = Direction | 'web'

/** An agent: the API's fields exactly as stored (defaults filled in at creation). */
export interface AgentRec {
  id: string
  name: string
  description: string | null
  voiceMode: VoiceMode
  systemPrompt: string | null
  beginMessage: string | null
  voice: string
  transferNumber: string | null
  createdAt: string
  /** Every other documented agent field (modelTier, sttMode, …), passed through as sent. */
  extra: Record<string, unknown>
}

export interface NumberRec {
  id: string
  phoneNumber: string
  country: string
  status: 'active' | 'released'
  type: string
  agentId: string | null
  createdAt: string
}

/** One spoken line on a call, either side; interim agent lines are kept, like the real transcript. */
export interface TurnRec {
  id: string
  role: 'user' | 'agent'
  content: string
  createdAt: string
  interim?: boolean
  digits?: string
  confidence?: number
}

export interface CallRec {
  id: string
  agentId: string | null
  phoneNumberId: string | null
  phoneNumber: string | null
  fromNumber: string
  toNumber: string
  direction: CallDirection
  status: CallStatus
  startedAt: string
  answeredAt: string | null
  endedAt: string | null
  disconnectionReason: string | null
  turns: TurnRec[]
  /** Answered by the stand-in responder instead of the webhook (hosted agent or a systemPrompt call). */
  hosted: boolean
  systemPrompt: string | null
  /** What the agent says when the call connects; null = silent until spoken to. */
  greeting: string | null
  /** False when placed with `disableRecording`: no recording is made. */
  recording?: boolean
}

export interface MessageRec {
  id: string
  conversationId: string
  numberId: string
  agentId: string | null
  from: string
  to: string
  body: string
  direction: Direction
  channel: string
  mediaUrls: string[]
  receivedAt: string
  /** The message this one answers in a threaded reply (`reply_to_message_id`). */
  replyTo?: string | null
  reactions?: ReactionRec[]
}

/** A tapback on a message (iMessage). */
export interface ReactionRec {
  id: string
  reactionType: string
  fromNumber: string
  direction: Direction
  createdAt: string
}

/** A saved contact (agentphone-api.md §2.8); its phone number is unique per account. */
export interface ContactRec {
  id: string
  phoneNumber: string
  name: string
  email: string | null
  notes: string | null
  createdAt: string
  updatedAt: string
}

/** A number's iMessage contact card. */
export interface ContactCardRec {
  firstName: string | null
  lastName: string | null
  displayName: string | null
  avatarUrl: string | null
}

export interface SubAccountRec {
  id: string
  name: string
  createdAt: string
}

export interface ConversationRec {
  id: string
  agentId: string | null
  phoneNumberId: string
  phoneNumber: string
  participant: string
  metadata: Record<string, unknown> | null
  createdAt: string
  lastMessageAt: string
  /** iMessage chat background, when one was set. */
  background?: { id: string; version: number; url: string } | null
}

export interface WebhookRec {
  id: string
  url: string
  secret: string
  status: string
  contextLimit: number
  timeout: number
  createdAt: string
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface DeliveryRec {
  /** Also the X-Webhook-ID header: the same on every attempt so receivers can drop duplicates. */
  id: string
  /** null = the project webhook; otherwise the agent whose own webhook it went to. */
  scope: string | null
  messageId: string | null
  callId: string | null
  eventType: string
  channel: string | null
  status: DeliveryStatus
  httpStatus: number | null
  errorMessage: string | null
  responseBody: string | null
  attemptCount: number
  lastAttemptAt: string | null
  nextRetryAt: string | null
  createdAt: string
  /** How long the last attempt took to answer; the vendor's MCP client reads it as `responseMs`. */
  responseMs?: number | null
}

/** What the simulated caller hears: one spoken line (or key press, or hang-up) from the agent. */
export interface HeardEvent {
  callId: string
  text: string
  interim: boolean
  digits?: string
  hangup?: boolean
  action?: string
}

/** An outbound call ringing the sandbox phone. */
export interface RingEvent {
  callId: string
  from: string
  to: string
}

/** A message the API sent to the sandbox contact. */
export interface SmsEvent {
  id: string
  conversationId: string | null
  direction: 'inbound' | 'outbound'
  from: string
  to: string
  body: string
  channel: string
  at: string
  agentId: string | null
}

/** A call changed: started, changed status, or ended. `call` is the API's call summary. */
export interface CallEvent {
  kind: 'started' | 'updated' | 'ended'
  callId: string
  status: CallStatus
  call: Record<string, unknown>
}

export interface SimulatorEvents {
  heard: HeardEvent
  ring: RingEvent
  sms: SmsEvent
  call: CallEvent
}

/** How to build a simulator. Only `clock` and `apiKeys` are required. */
export interface SimulatorOptions {
  clock: Clock
  logger?: Logger
  host?: string
  /** 0 (the default) takes any free port. */
  port?: number
  /** Accepted Bearer tokens; each one is its own account with its own state. */
  apiKeys: string[]
  /** Registered as every account's project webhook at start. */
  webhookUrl?: string
  /** A few agents, numbers, calls and conversations so a fresh UI is not empty. */
  seed?: boolean
  /** Requests per minute per API key before 429; unlimited when absent. */
  rateLimit?: { perMinute: number }
  /** Active numbers an account may hold (default 10). */
  numberLimit?: number
  /** Each account's starting balance in cents (default $100); a number costs $3.00. */
  balanceCents?: number
  /** Delays before retries 1..5 (6 attempts in all); tests pass tiny ones. */
  retryDelaysMs?: number[]
  /** Overrides every webhook's own `timeout` (seconds) when set; tests pass a small one. */
  webhookTimeoutMs?: number
  /** Gap between `: heartbeat` comments on transcript streams (default 15 s). */
  sseHeartbeatMs?: number
  /**
   * Where the simulator keeps its state between runs (`sandbox-state.json`, 0600). Absent: memory
   * only. A state file that cannot be read is renamed aside and the sandbox starts fresh.
   */
  dataDir?: string
  /** How long after the last change the state is written (default 500 ms); stop() flushes at once. */
  saveDebounceMs?: number
  /**
   * The simulated callee's pace: a ring, and the pause before each of its lines (default 1500 ms).
   * Tests pass a small one.
   */
  calleePaceMs?: number
}
