import type { BridgeEvent, CallInfo, Message } from '../../../src-preload/contract'
import type { AgentDirectory } from './agent-directory'
import { isLive, type CallBoard } from './call-board'

/** The parts of an AgentPhone webhook envelope (agentphone-api.md §3.3) the console reads. */
export interface WebhookEnvelope {
  event?: string
  channel?: string
  timestamp?: string
  agentId?: string
  data?: Record<string, unknown>
}

export interface WebhookEventDeps {
  board: CallBoard
  directory: AgentDirectory
  emit: (event: BridgeEvent) => void
  now: () => string
}

/**
 * Turns one accepted delivery into board changes and bridge events. Used for live deliveries and
 * for journal replay alike, so a restart rebuilds exactly what was shown before.
 *
 * A delivery someone replayed from the inspector (`replayed`) never changes a call that is over, or
 * one the board does not know: history does not change after the fact.
 */
export function applyWebhook(env: WebhookEnvelope, deps: WebhookEventDeps, replayed = false): void {
  const data = env.data ?? {}
  if (replayed && env.channel === 'voice') {
    const known = deps.board.get(str(data.callId) ?? '')
    if (!known || !isLive(known)) return
  }
  if (env.event === 'agent.message' && env.channel === 'voice') {
    const call = ensureCall(env, data, deps)
    // The webhook record in the journal rebuilds this line: it is not journaled again.
    deps.board.addLine(
      {
        callId: call.id,
        speaker: 'caller',
        text: str(data.transcript) ?? '',
        at: env.timestamp ?? deps.now(),
        source: 'caller',
        ...(typeof data.confidence === 'number' ? { confidence: data.confidence } : {})
      },
      { persist: false }
    )
  } else if (env.event === 'agent.call_ended') {
    const call = ensureCall(env, data, deps)
    const end = {
      endedAt: str(data.endedAt) ?? env.timestamp ?? deps.now(),
      status: str(data.status) ?? null,
      reason: str(data.disconnectionReason) ?? null,
      transferTo: deps.directory.get(env.agentId)?.transferNumber ?? null
    }
    deps.board.end(call.id, end, { persist: false })
  } else if (env.event === 'agent.message' && str(data.direction) !== 'outbound') {
    // Outbound echoes of our own sends are already shown as message.sent.
    deps.emit({ event: 'message.received', data: toMessage(env, data, deps.now) })
  }
}

function ensureCall(env: WebhookEnvelope, data: Record<string, unknown>, deps: WebhookEventDeps): CallInfo {
  const callId = str(data.callId) ?? 'call_unknown'
  const known = deps.board.get(callId)
  if (known) return known
  const agent = deps.directory.get(env.agentId)
  const direction = str(data.direction)
  return deps.board.upsert(
    { id: callId },
    {
      agentId: env.agentId ?? null,
      agentName: agent?.name ?? null,
      voiceMode: agent?.voiceMode ?? (env.channel === 'voice' && env.event === 'agent.message' ? 'webhook' : null),
      direction: direction === 'outbound' || direction === 'web' ? direction : 'inbound',
      from: str(data.from) ?? '',
      to: str(data.to) ?? '',
      status: 'in-progress',
      startedAt: str(data.startedAt) ?? env.timestamp ?? deps.now(),
      endedAt: null,
      lastWords: null,
      answeredBy: 'human',
      waitingTurn: null
    }
  )
}

function toMessage(env: WebhookEnvelope, data: Record<string, unknown>, now: () => string): Message {
  return {
    id: str(data.messageId) ?? `msg_${Math.random().toString(36).slice(2)}`,
    conversationId: str(data.conversationId) ?? null,
    direction: 'inbound',
    from: str(data.from) ?? '',
    to: str(data.to) ?? '',
    body: str(data.message) ?? '',
    channel: env.channel ?? 'sms',
    at: str(data.receivedAt) ?? env.timestamp ?? now(),
    agentId: env.agentId ?? null
  }
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
