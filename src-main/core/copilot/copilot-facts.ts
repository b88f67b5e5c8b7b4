import type { CallInfo, TranscriptTurn } from '../../../src-preload/contract'

/** What the copilot reads about calls, agents and threads; the session hands in the real board and API. */
export interface CopilotFacts {
  call(callId: string): Pick<CallInfo, 'agentId' | 'from' | 'to' | 'direction' | 'answeredBy'> | undefined
  lines(callId: string): readonly TranscriptTurn[]
  agent(agentId: string | null): { name: string; systemPrompt: string | null; beginMessage: string | null; transferNumber: string | null } | undefined
  quickReplies(): readonly string[]
  /** The thread an SMS belongs to, oldest first (empty when it cannot be had). */
  smsHistory(conversationId: string | null): Promise<Array<{ direction: 'inbound' | 'outbound'; body: string }>>
}
