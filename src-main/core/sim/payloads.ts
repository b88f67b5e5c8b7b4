/**
 * Webhook envelopes (agentphone-api.md §3.3). Each is built once per delivery and serialised once by
 * the deliverer, so the signed bytes are the sent bytes.
 */
import type { Account } from './account'
import { callSummaryOut } from './serialize'
import type { CallRec, MessageRec, ReactionRec } from './types'

export interface HistoryItem {
  content: string
  direction: 'inbound' | 'outbound'
  channel: string
  at: string
  messageId?: string
}

export interface Envelope {
  event: string
  channel: string
  timestamp: string
  agentId: string | null
  data: Record<string, unknown>
  conversationState: Record<string, unknown> | null
  recentHistory?: HistoryItem[]
}

/** The last `limit` items; 0 disables history, as a `contextLimit` of 0 does. */
export function lastN<T>(items: T[], limit: number): T[] {
  return limit <= 0 ? [] : items.slice(-limit)
}

/** The stored metadata of the thread between a number and a participant, if one exists. */
export function conversationState(account: Account, numberId: string | null, participant: string): Record<string, unknown> | null {
  for (const c of account.conversations.values()) {
    if (c.phoneNumberId === numberId && c.participant === participant) return c.metadata
  }
  return null
}

/** The person on the other end of a call (the caller inbound, the callee outbound). */
export function otherParty(call: CallRec): string {
  return call.direction === 'inbound' ? call.fromNumber : call.toNumber
}

/** One caller utterance; history is the turns before it, caller lines inbound, agent lines outbound. */
export function voiceMessageEnvelope(account: Account, call: CallRec, utterance: string, confidence: number, contextLimit: number, at: string, digits?: string): Envelope {
  const before = call.turns.slice(0, -1).filter((t) => t.content !== '')
  return {
    event: 'agent.message',
    channel: 'voice',
    timestamp: at,
    agentId: call.agentId,
    data: {
      callId: call.id,
      numberId: call.phoneNumberId,
      from: call.fromNumber,
      to: call.toNumber,
      status: 'in-progress',
      transcript: utterance,
      confidence,
      direction: call.direction,
      ...(digits ? { digits } : {})
    },
    conversationState: conversationState(account, call.phoneNumberId, otherParty(call)),
    recentHistory: lastN(before, contextLimit).map((t) => ({
      content: t.content,
      direction: t.role === 'user' ? 'inbound' : 'outbound',
      channel: 'voice',
      at: t.createdAt
    }))
  }
}

export function callEndedEnvelope(account: Account, call: CallRec, at: string): Envelope {
  const summary = callSummaryOut(call)
  return {
    event: 'agent.call_ended',
    channel: 'voice',
    timestamp: at,
    agentId: call.agentId,
    data: {
      callId: call.id,
      numberId: call.phoneNumberId,
      from: call.fromNumber,
      to: call.toNumber,
      contact: account.contactFor(otherParty(call)),
      direction: call.direction,
      status: call.status,
      startedAt: call.startedAt,
      endedAt: call.endedAt,
      durationSeconds: summary.durationSeconds ?? 0,
      disconnectionReason: call.disconnectionReason,
      transcript: call.turns.filter((t) => t.content !== '').map((t) => ({ role: t.role, content: t.content })),
      summary: null,
      userSentiment: null,
      callSuccessful: null
    },
    conversationState: null
  }
}

/** An SMS (or a test delivery shaped like one); history is the thread before this message. */
export function smsEnvelope(account: Account, msg: MessageRec, contextLimit: number, at: string): Envelope {
  const thread = account.messagesOf(msg.conversationId).filter((m) => m.id !== msg.id)
  return {
    event: 'agent.message',
    channel: msg.channel,
    timestamp: at,
    agentId: msg.agentId,
    data: {
      messageId: msg.id,
      conversationId: msg.conversationId,
      numberId: msg.numberId,
      from: msg.from,
      to: msg.to,
      contact: account.contactFor(msg.direction === 'inbound' ? msg.from : msg.to),
      message: msg.body,
      mediaUrl: msg.mediaUrls[0] ?? null,
      mediaUrls: msg.mediaUrls,
      direction: msg.direction,
      receivedAt: msg.receivedAt
    },
    conversationState: account.conversations.get(msg.conversationId)?.metadata ?? null,
    recentHistory: lastN(thread, contextLimit).map((m) => ({
      content: m.body,
      direction: m.direction,
      channel: m.channel,
      at: m.receivedAt,
      messageId: m.id
    }))
  }
}

/** A tapback on one of the account's messages (`agent.reaction`, §9.6); no recentHistory, as first-party types show it. */
export function reactionEnvelope(account: Account, msg: MessageRec, reaction: ReactionRec, at: string): Envelope {
  return {
    event: 'agent.reaction',
    channel: 'imessage',
    timestamp: at,
    agentId: msg.agentId,
    data: {
      conversationId: msg.conversationId,
      numberId: msg.numberId,
      reactionType: reaction.reactionType,
      fromNumber: reaction.fromNumber,
      direction: reaction.direction,
      messageId: msg.id,
      messageBody: msg.body,
      messageMediaUrl: msg.mediaUrls[0] ?? null,
      messageMediaUrls: msg.mediaUrls,
      createdAt: reaction.createdAt
    },
    conversationState: account.conversations.get(msg.conversationId)?.metadata ?? null
  }
}
