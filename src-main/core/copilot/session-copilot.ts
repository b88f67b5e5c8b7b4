import type { BridgeEvent } from '../../../src-preload/contract'
import type { AgentPhoneClient } from '../agentphone/client'
import type { SandboxHandle } from '../handlers/context'
import type { AgentDirectory } from '../live/agent-directory'
import type { CallBoard } from '../live/call-board'
import type { Clock, KeyValueStore, Logger, SecretStore } from '../ports'
import type { TurnBroker } from '../turns/turn-broker'
import { openAiConnector, type ConnectChat } from './chat-client'
import { Copilot } from './copilot'
import type { CopilotFacts } from './copilot-facts'

export interface SessionCopilotDeps {
  clock: Clock
  logger: Logger
  store: KeyValueStore
  secrets: SecretStore
  sandbox: SandboxHandle | null
  board: CallBoard
  directory: AgentDirectory
  api: AgentPhoneClient
  broker: TurnBroker
  quickReplies: () => readonly string[]
  emit(event: BridgeEvent): void
  /** Default: the official `openai` SDK. */
  connect?: ConnectChat | undefined
}

/** The session's copilot: the board, the agents and the API as its facts, the broker as its voice. */
export function createSessionCopilot(d: SessionCopilotDeps): Copilot {
  return new Copilot({
    clock: d.clock,
    logger: d.logger,
    store: d.store,
    secrets: d.secrets,
    connect: d.connect ?? openAiConnector(),
    // The simulator serves the sandbox's model beside AgentPhone's API, under the same throwaway key.
    simulated: d.sandbox ? { baseURL: `${d.sandbox.sim.url}/v1`, apiKey: d.sandbox.apiKey } : null,
    facts: sessionFacts(d),
    turns: d.broker,
    emit: d.emit
  })
}

/** Messages of a thread handed to the model with an SMS: the recent ones are what a reply needs. */
const SMS_HISTORY = 20

function sessionFacts(deps: Pick<SessionCopilotDeps, 'board' | 'directory' | 'api' | 'quickReplies'>): CopilotFacts {
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
