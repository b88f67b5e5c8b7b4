/**
 * Shape descriptors for what the walk reads, pinned to the official SDK's response types: a drift
 * in the SDK breaks compilation here, not silently at runtime. Endpoints the SDK types as
 * `unknown` are in shapes-doc.ts.
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

/** `plan.limits` is not held to the SDK type: see the usage step (agentphone-api.md §7 #8). */
export const USAGE: ShapeOf<AgentPhone.UsageResponse> = { plan: 'object', numbers: 'object', stats: 'object', periodStart: 'string', periodEnd: 'string' }

export const NUMBER_LIMITS: ShapeOf<AgentPhone.NumberLimits> = { used: 'number', limit: 'number', remaining: 'number' }

export const DELETED_AGENT: ShapeOf<AgentPhone.DeleteAgentResponse> = { id: 'string', name: 'string', success: 'boolean' }
