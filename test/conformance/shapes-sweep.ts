/** Shapes for the SDK sweep (sdk-sweep.test.ts), pinned to the official SDK's response types. */
import type { AgentPhone } from 'agentphone'
import type { ShapeOf } from './shape'

export const CALL_SUMMARY: ShapeOf<AgentPhone.CallSummary> = {
  id: 'string',
  agentId: 'string|null',
  phoneNumberId: 'string|null',
  phoneNumber: 'string|null',
  fromNumber: 'string',
  toNumber: 'string',
  status: 'string',
  startedAt: 'string',
  endedAt: 'string|null',
  durationSeconds: 'number|null',
  lastTranscriptSnippet: 'string|null'
}

export const AGENT_CONVERSATION: ShapeOf<AgentPhone.AppRoutesAgentsConversationSummary> = {
  id: 'string',
  agentId: 'string|null',
  phoneNumberId: 'string',
  phoneNumber: 'string',
  participant: 'string',
  lastMessageAt: 'string',
  lastMessagePreview: 'string',
  messageCount: 'number',
  createdAt: 'string'
}

/** A number's message log item; the SDK names the sender `from_` (the wire also carries `from`). */
export const NUMBER_MESSAGE: ShapeOf<AgentPhone.MessageResponse> = {
  id: 'string',
  from_: 'string',
  to: 'string',
  body: 'string',
  direction: 'string',
  channel: '?string|null',
  receivedAt: 'string'
}

export const CONVERSATION_MESSAGE: ShapeOf<AgentPhone.MessageInConversation> = {
  id: 'string',
  body: 'string',
  fromNumber: 'string',
  toNumber: 'string',
  direction: 'string',
  senderIdentifier: '?string|null',
  channel: '?string|null',
  mediaUrl: '?string|null',
  mediaUrls: '?array',
  receivedAt: 'string',
  reactions: '?array',
  replyTo: '?object|null'
}

export const MONTHLY_POINT: ShapeOf<AgentPhone.MonthlyUsagePoint> = { month: 'string', messages: 'number', calls: 'number', webhooks: 'number' }

export const NUMBER_USAGE: ShapeOf<AgentPhone.NumberUsageItem> = {
  numberId: 'string',
  phoneNumber: 'string',
  country: 'string',
  status: 'string',
  agentId: '?string|null',
  agentName: '?string|null',
  messages: 'number',
  calls: 'number'
}

export const AGENT_USAGE: ShapeOf<AgentPhone.AgentUsageItem> = {
  agentId: 'string|null',
  agentName: 'string',
  messages: 'number',
  calls: 'number',
  totalSeconds: 'number',
  isOrphan: '?boolean'
}

export const ALL_TIME: ShapeOf<AgentPhone.AllTimeStatsResponse> = { total: 'number', success: 'number', failed: 'number', successRate: 'number' }
