import type { CallInfo, TranscriptTurn } from '../../../src-preload/contract'
import type { AgentPhoneClient } from '../agentphone/client'
import type { AgentDirectory } from '../live/agent-directory'
import type { CallBoard } from '../live/call-board'

/** What the copilot reads about calls, agents and threads; the session hands in the real board and API. */
export interface CopilotFacts {
  call(callId: string): Pick<CallInfo, 'agentId' | 'from' | 'to' | 'direction' | 'answeredBy'> | undefined
  lines(callId: string): readonly TranscriptTurn[]
  agent(agentId: string | null): { name: string; systemPrompt: string | null; beginMessage: string | null; transferNumber: string | null } | undefined
  quickReplies(): readonly string[]
  /** The thread an SMS belongs to, oldest first (empty when it cannot be had). */
  smsHistory(conversationId: string | null): Promise<Array<{ direction: 'inbound' | 'outbound'; body: string }>>
}

/** Messages of a thread handed to the model with an SMS: the recent ones are what a reply needs. */
const SMS_HISTORY = 20

export function sessionFacts(deps: { board: CallBoard; directory: AgentDirectory; api: AgentPhoneClient; quickReplies: () => readonly string[] }): CopilotFacts {
  const { board, directory, api } = deps
  return {
    call: (callId) => board.get(callId),
    lines: (callId) => board.transcript(callId),
    agent: (agentId) => directory.get(agentId),
    quickReplies: deps.quickReplies,
    async smsHistory(conversationId) {
      if (!conversationId) return []
      const detail = await api.conversations.get(conversationId, { messageLimit: SMS_HISTORY })
      const messages = (detail.messages ?? []).map((m) => ({ direction: m.direction === 'outbound' ? ('outbound' as const) : ('inbound' as const), body: m.body ?? '', at: m.receivedAt ?? '' }))
      // The API lists newest first; the model reads a conversation oldest first.
      messages.sort((a, b) => (Date.parse(a.at) || 0) - (Date.parse(b.at) || 0))
      return messages.map(({ direction, body }) => ({ direction, body }))
    }
  }
}
