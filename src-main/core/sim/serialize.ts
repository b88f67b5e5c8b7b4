/** Stored records to the API's wire shapes (field names exactly as agentphone-api.md §2 and the SDK). */
import type { Account } from './account'
import { durationSeconds, hasRecording } from './call-state'
import type { AgentRec, CallRec, ConversationRec, DeliveryRec, MessageRec, NumberRec, TurnRec, WebhookRec } from './types'

export function agentNumberOut(n: NumberRec): Record<string, unknown> {
  return { id: n.id, phoneNumber: n.phoneNumber, status: n.status, type: n.type }
}

export function agentOut(account: Account, a: AgentRec): Record<string, unknown> {
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    voiceMode: a.voiceMode,
    systemPrompt: a.systemPrompt,
    beginMessage: a.beginMessage,
    voice: a.voice,
    transferNumber: a.transferNumber,
    ...a.extra,
    createdAt: a.createdAt,
    numbers: account.numbersOf(a.id).map(agentNumberOut)
  }
}

export function numberOut(n: NumberRec): Record<string, unknown> {
  return { ...n, outboundSms: 'enabled' }
}

/**
 * The list item (CallSummary). `base` is the simulator's own address as the client reached it, so
 * `recordingUrl` is absolute like the real one; without it (webhook payloads) the URL is left out.
 */
export function callSummaryOut(c: CallRec, base: string | null = null): Record<string, unknown> {
  const recorded = hasRecording(c)
  const last = [...c.turns].reverse().find((t) => t.content !== '')
  return {
    id: c.id,
    agentId: c.agentId,
    phoneNumberId: c.phoneNumberId,
    phoneNumber: c.phoneNumber,
    fromNumber: c.fromNumber,
    toNumber: c.toNumber,
    direction: c.direction,
    status: c.status,
    startedAt: c.startedAt,
    endedAt: c.endedAt,
    durationSeconds: durationSeconds(c),
    lastTranscriptSnippet: last ? last.content.slice(0, 120) : null,
    recordingUrl: recorded && base ? `${base}/v1/calls/${encodeURIComponent(c.id)}/recording` : null,
    recordingAvailable: recorded
  }
}

/**
 * The call detail's `transcripts`: one entry per caller utterance with the agent's reply to it
 * (its final words, interim fillers left out) in `response`.
 */
export function transcriptPairs(c: CallRec): Array<Record<string, unknown>> {
  const pairs: Array<{ id: string; transcript: string; response: string | null; confidence: number; createdAt: string }> = []
  for (const t of c.turns) {
    if (t.role === 'user') {
      pairs.push({ id: t.id, transcript: t.content, response: null, confidence: t.confidence ?? 0.95, createdAt: t.createdAt })
    } else {
      const open = pairs[pairs.length - 1]
      if (open && !t.interim && t.content) open.response = open.response ? `${open.response} ${t.content}` : t.content
    }
  }
  return pairs
}

export function callDetailOut(c: CallRec, base: string | null = null): Record<string, unknown> {
  const { lastTranscriptSnippet: _ignored, ...summary } = callSummaryOut(c, base)
  return { ...summary, disconnectionReason: c.disconnectionReason, transcripts: transcriptPairs(c) }
}

export function turnOut(callId: string, t: TurnRec): Record<string, unknown> {
  return {
    id: t.id,
    callId,
    role: t.role,
    content: t.content,
    createdAt: t.createdAt,
    ...(t.interim ? { interim: true } : {}),
    ...(t.digits ? { digits: t.digits } : {}),
    ...(t.confidence !== undefined ? { confidence: t.confidence } : {})
  }
}

/** `GET /v1/numbers/{id}/messages` item; `from_` mirrors the SDK's typed name for the same field. */
export function numberMessageOut(m: MessageRec): Record<string, unknown> {
  return { id: m.id, from: m.from, from_: m.from, to: m.to, body: m.body, direction: m.direction, channel: m.channel, receivedAt: m.receivedAt }
}

export function conversationMessageOut(account: Account, m: MessageRec): Record<string, unknown> {
  const parent = m.replyTo ? account.messages.find((x) => x.id === m.replyTo) : undefined
  return {
    id: m.id,
    body: m.body,
    fromNumber: m.from,
    toNumber: m.to,
    direction: m.direction,
    senderIdentifier: null,
    channel: m.channel,
    mediaUrl: m.mediaUrls[0] ?? null,
    mediaUrls: m.mediaUrls,
    receivedAt: m.receivedAt,
    reactions: (m.reactions ?? []).map((r) => ({ ...r })),
    replyTo: parent ? { messageId: parent.id, message: parent.body, mediaUrls: parent.mediaUrls } : null
  }
}

export function conversationOut(account: Account, c: ConversationRec): Record<string, unknown> {
  const messages = account.messagesOf(c.id)
  const last = messages[messages.length - 1]
  return {
    id: c.id,
    agentId: c.agentId,
    phoneNumberId: c.phoneNumberId,
    phoneNumber: c.phoneNumber,
    participant: c.participant,
    isGroup: false,
    groupId: null,
    groupName: null,
    groupIconUrl: null,
    participants: null,
    lastMessageAt: c.lastMessageAt,
    lastMessagePreview: last ? last.body.slice(0, 100) : '',
    messageCount: messages.length,
    metadata: c.metadata,
    createdAt: c.createdAt
  }
}

export function webhookOut(w: WebhookRec): Record<string, unknown> {
  return { ...w }
}

export function deliveryOut(d: DeliveryRec): Record<string, unknown> {
  return {
    id: d.id,
    messageId: d.messageId,
    eventType: d.eventType,
    channel: d.channel,
    status: d.status,
    httpStatus: d.httpStatus,
    errorMessage: d.errorMessage,
    responseBody: d.responseBody,
    attemptCount: d.attemptCount,
    lastAttemptAt: d.lastAttemptAt,
    nextRetryAt: d.nextRetryAt,
    createdAt: d.createdAt,
    // The names the vendor's MCP client reads for the same facts (agentphone-api.md §9.8), alongside.
    event: d.eventType,
    statusCode: d.httpStatus,
    success: d.status === 'delivered',
    deliveredAt: d.status === 'delivered' ? d.lastAttemptAt : null,
    responseMs: d.responseMs ?? null
  }
}
