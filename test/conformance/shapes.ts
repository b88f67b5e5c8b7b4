/**
 * Shape descriptors for what the walk reads. Typed ones are pinned to the official SDK's response
 * types (a drift in the SDK breaks compilation here, not silently at runtime). The SDK types a few
 * endpoints as `unknown` (voices, calls, webhook test, release); those are pinned to local types
 * written from agentphone-api.md §2.2, §2.3, §2.6 and §2.7 instead.
 */
import type { AgentPhone } from 'agentphone'
import type { ShapeOf } from './shape'

export const AGENT: ShapeOf<AgentPhone.AgentResponse> = {
  id: 'string',
  name: 'string',
  description: 'string|null',
  voiceMode: 'string',
  enableMessaging: '?boolean',
  modelTier: '?string',
  systemPrompt: '?string|null',
  beginMessage: '?string|null',
  voice: 'string',
  transferNumber: '?string|null',
  customTools: '?array|null',
  voicemailMessage: '?string|null',
  callScreeningIdentity: '?string|null',
  callScreeningPurpose: '?string|null',
  sttMode: '?string',
  ambientSound: '?string',
  denoisingMode: '?string',
  maxSilenceMs: '?number',
  voiceSpeed: '?number',
  interruptionSensitivity: '?number',
  enableBackchannel: '?boolean',
  language: '?string',
  createdAt: 'string',
  numbers: '?array|null'
}

export const AGENT_NUMBER: ShapeOf<AgentPhone.AgentNumberResponse> = { id: 'string', phoneNumber: 'string', status: 'string', type: '?string' }

export const NUMBER: ShapeOf<AgentPhone.PhoneNumberResponse> = {
  id: 'string',
  phoneNumber: 'string',
  country: 'string',
  status: 'string',
  type: '?string',
  agentId: '?string|null',
  createdAt: 'string'
}

export const SENT_MESSAGE: ShapeOf<AgentPhone.SendMessageResponse> = {
  id: 'string',
  status: 'string',
  channel: 'string',
  from_number: 'string',
  to_number: 'string',
  conversation_id: '?string|null',
  media_urls: '?array',
  reply_to_message_id: '?string|null',
  reply_parent_unresolved: '?boolean|null'
}

export const CONVERSATION: ShapeOf<AgentPhone.AppRoutesConversationsConversationSummary> = {
  id: 'string',
  agentId: '?string|null',
  phoneNumberId: 'string',
  phoneNumber: 'string',
  participant: 'string',
  isGroup: '?boolean',
  groupId: '?string|null',
  groupName: '?string|null',
  groupIconUrl: '?string|null',
  participants: '?array|null',
  lastMessageAt: 'string',
  lastMessagePreview: 'string',
  messageCount: 'number',
  metadata: '?object|null',
  createdAt: 'string'
}

export const WEBHOOK: ShapeOf<AgentPhone.WebhookResponse> = {
  id: 'string',
  url: 'string',
  secret: 'string',
  status: 'string',
  contextLimit: 'number',
  timeout: 'number',
  createdAt: 'string'
}

export const DELIVERY: ShapeOf<AgentPhone.WebhookDeliveryResponse> = {
  id: 'string',
  messageId: 'string|null',
  eventType: 'string|null',
  channel: 'string|null',
  status: 'string',
  httpStatus: 'number|null',
  errorMessage: 'string|null',
  responseBody: 'string|null',
  attemptCount: 'number',
  lastAttemptAt: 'string|null',
  nextRetryAt: 'string|null',
  createdAt: 'string'
}

export const DELIVERY_STATS: ShapeOf<AgentPhone.WebhookDeliveryStatsResponse> = {
  total: 'number',
  success: 'number',
  failed: 'number',
  pending: 'number',
  successRate: 'number',
  byEventType: 'object',
  byHour: 'array'
}

export const USAGE_STATS: ShapeOf<AgentPhone.UsageStats> = {
  totalMessages: 'number',
  messagesLast24h: 'number',
  messagesLast7d: 'number',
  messagesLast30d: 'number',
  totalCalls: 'number',
  callsLast24h: 'number',
  callsLast7d: 'number',
  callsLast30d: 'number',
  totalWebhookDeliveries: 'number',
  successfulWebhookDeliveries: 'number',
  failedWebhookDeliveries: 'number'
}

export const NUMBER_LIMITS: ShapeOf<AgentPhone.NumberLimits> = { used: 'number', limit: 'number', remaining: 'number' }

export const DELETED_AGENT: ShapeOf<AgentPhone.DeleteAgentResponse> = { id: 'string', name: 'string', success: 'boolean' }

// --- endpoints the SDK types as `unknown`: shapes from agentphone-api.md ---------------------------

/** §2.2 `GET /v1/agents/voices` items. */
export interface DocVoice {
  voice_id: string
  voice_name: string
  provider: string
  gender: string | null
  accent: string | null
  preview_audio_url: string | null
}
export const VOICE: ShapeOf<DocVoice> = {
  voice_id: 'string',
  voice_name: 'string',
  provider: 'string',
  gender: 'string|null',
  accent: 'string|null',
  preview_audio_url: 'string|null'
}

/** §2.6 call detail: the SDK's CallSummary plus direction, recording fields and `transcripts`. */
export interface DocCallDetail extends Omit<AgentPhone.CallSummary, 'lastTranscriptSnippet'> {
  direction: string
  recordingUrl: string | null
  recordingAvailable: boolean
  transcripts: Array<{ id: string; transcript: string; response: string | null; confidence: number; createdAt: string }>
}
export const CALL_DETAIL: ShapeOf<DocCallDetail> = {
  id: 'string',
  agentId: 'string|null',
  phoneNumberId: 'string|null',
  phoneNumber: 'string|null',
  fromNumber: 'string',
  toNumber: 'string',
  direction: 'string',
  status: 'string',
  startedAt: 'string',
  endedAt: 'string|null',
  durationSeconds: 'number|null',
  recordingUrl: 'string|null',
  recordingAvailable: 'boolean',
  transcripts: 'array'
}

/** §2.6 immediate answer of `POST /v1/calls`. */
export interface DocPlacedCall {
  id: string
  agentId: string
  phoneNumberId: string
  fromNumber: string
  toNumber: string
  direction: string
  status: string
  startedAt: string
}
export const PLACED_CALL: ShapeOf<DocPlacedCall> = {
  id: 'string',
  agentId: 'string',
  phoneNumberId: 'string',
  fromNumber: 'string',
  toNumber: 'string',
  direction: 'string',
  status: 'string',
  startedAt: 'string'
}

/** §2.6 / §7 #9 transcript, REST-md form: ordered `{role, content, createdAt}` turns. */
export interface DocTranscriptTurn {
  role: string
  content: string
  createdAt: string
}
export const TRANSCRIPT_TURN: ShapeOf<DocTranscriptTurn> = { role: 'string', content: 'string', createdAt: 'string' }

/** §2.7 / §7 #6 webhook test result, docs form. */
export interface DocWebhookTest {
  success: boolean
  httpStatus: number | null
  errorMessage: string | null
}
export const WEBHOOK_TEST: ShapeOf<DocWebhookTest> = { success: 'boolean', httpStatus: 'number|null', errorMessage: 'string|null' }

/** §2.3 `DELETE /v1/numbers/{id}`. */
export interface DocReleased {
  success: boolean
  phoneNumber: string
  status: string
}
export const RELEASED: ShapeOf<DocReleased> = { success: 'boolean', phoneNumber: 'string', status: 'string' }
