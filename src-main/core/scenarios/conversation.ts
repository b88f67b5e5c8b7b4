/**
 * The call (or SMS thread) a scenario plays, kept in the simulator's own records so every envelope
 * comes from the simulator's payload builders: the same shapes, ids and `recentHistory` that the
 * sandbox sends, never a second copy of AgentPhone's format.
 */
import type { Clock } from '../ports'
import { Account } from '../sim/account'
import { isoNow, newId } from '../sim/ids'
import { callEndedEnvelope, smsEnvelope, voiceMessageEnvelope } from '../sim/payloads'
import type { Envelope } from '../sim/payloads'
import type { CallRec, MessageRec } from '../sim/types'
import type { Scenario } from './schema'

export const DEFAULT_CALLER = '+15550199000'
export const DEFAULT_AGENT_NUMBER = '+15550100100'
/** AgentPhone's defaults for a webhook registered without these fields (agentphone-api.md §3.3, §3.5). */
export const DEFAULT_TIMEOUT_SECONDS = 30
export const DEFAULT_CONTEXT_LIMIT = 10

/** What an agent line adds to the history: its words and whether it kept the turn open. */
export type SpokenLine = { text: string; interim: boolean }

export class ScenarioConversation {
  private readonly account = new Account('scenario')
  private readonly agentId = newId('agent_')
  private readonly numberId = newId('num_')
  private readonly conversationId = newId('conv_')
  private readonly call: CallRec
  readonly contextLimit: number

  constructor(
    private readonly scenario: Scenario,
    private readonly clock: Clock
  ) {
    this.contextLimit = scenario.webhook?.contextLimit ?? DEFAULT_CONTEXT_LIMIT
    const from = scenario.from ?? DEFAULT_CALLER
    const to = scenario.to ?? DEFAULT_AGENT_NUMBER
    const now = isoNow(clock)
    this.call = {
      id: newId('call_'),
      agentId: this.agentId,
      phoneNumberId: this.numberId,
      phoneNumber: to,
      fromNumber: from,
      toNumber: to,
      direction: 'inbound',
      status: 'in-progress',
      startedAt: now,
      answeredAt: now,
      endedAt: null,
      disconnectionReason: null,
      turns: [],
      hosted: false,
      systemPrompt: null,
      greeting: null
    }
    // The thread's stored metadata is what AgentPhone sends as `conversationState`, on calls too.
    this.account.conversations.set(this.conversationId, {
      id: this.conversationId,
      agentId: this.agentId,
      phoneNumberId: this.numberId,
      phoneNumber: to,
      participant: from,
      metadata: scenario.conversationState ?? null,
      createdAt: now,
      lastMessageAt: now
    })
  }

  get callId(): string {
    return this.call.id
  }

  /** The caller speaks (or texts): the envelope for it, with the history before it. */
  callerSays(text: string, digits?: string): Envelope {
    const at = isoNow(this.clock)
    if (this.scenario.channel === 'sms') return smsEnvelope(this.account, this.addMessage(text, 'inbound', at), this.contextLimit, at)
    this.call.turns.push({ id: newId('turn_'), role: 'user', content: text, createdAt: at, confidence: 0.95, ...(digits ? { digits } : {}) })
    return voiceMessageEnvelope(this.account, this.call, text, 0.95, this.contextLimit, at, digits)
  }

  /** An envelope shaped like the next caller turn, but not kept in the history (a forged or probe delivery). */
  probe(text: string): Envelope {
    const turns = this.call.turns.length
    const messages = this.account.messages.length
    const envelope = this.callerSays(text)
    this.call.turns.length = turns
    this.account.messages.length = messages
    return envelope
  }

  /** What the agent said back, so the next turn's `recentHistory` carries it. */
  agentSaid(lines: SpokenLine[]): void {
    const at = isoNow(this.clock)
    for (const line of lines) {
      if (this.scenario.channel === 'sms') this.addMessage(line.text, 'outbound', at)
      else this.call.turns.push({ id: newId('turn_'), role: 'agent', content: line.text, createdAt: at, ...(line.interim ? { interim: true } : {}) })
    }
  }

  /** The `agent.call_ended` AgentPhone sends when the call is over. */
  ended(reason: 'user_hangup' | 'agent_hangup'): Envelope {
    const at = isoNow(this.clock)
    Object.assign(this.call, { status: 'completed', endedAt: at, disconnectionReason: reason })
    return callEndedEnvelope(this.account, this.call, at)
  }

  private addMessage(body: string, direction: 'inbound' | 'outbound', at: string): MessageRec {
    const inbound = direction === 'inbound'
    const msg: MessageRec = {
      id: newId('msg_'),
      conversationId: this.conversationId,
      numberId: this.numberId,
      agentId: this.agentId,
      from: inbound ? this.call.fromNumber : this.call.toNumber,
      to: inbound ? this.call.toNumber : this.call.fromNumber,
      body,
      direction,
      channel: 'sms',
      mediaUrls: [],
      receivedAt: at
    }
    this.account.messages.push(msg)
    return msg
  }
}
