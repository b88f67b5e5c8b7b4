/**
 * One API key's world. Lookups that the routes share live here so every route answers an unknown
 * id with the same 404.
 */
import { notFound } from './http-errors'
import type { AgentRec, CallRec, ContactCardRec, ContactRec, ConversationRec, DeliveryRec, MessageRec, NumberRec, SubAccountRec, WebhookRec } from './types'

export class Account {
  readonly agents = new Map<string, AgentRec>()
  readonly numbers = new Map<string, NumberRec>()
  readonly calls = new Map<string, CallRec>()
  readonly messages: MessageRec[] = []
  readonly conversations = new Map<string, ConversationRec>()
  readonly agentWebhooks = new Map<string, WebhookRec>()
  readonly deliveries: DeliveryRec[] = []
  readonly contacts = new Map<string, ContactRec>()
  /** iMessage contact cards, by number id. */
  readonly contactCards = new Map<string, ContactCardRec>()
  readonly subAccounts = new Map<string, SubAccountRec>()
  /** A2P 10DLC registration as `GET /v1/register/status` reports it; null until one is submitted. */
  registration: { campaign_status: string; message: string; stage: string | null } | null = null
  projectWebhook: WebhookRec | null = null
  /** The sandbox's ready-made agent, remembered by id so a rename does not make a second one. */
  sandboxAgentId: string | null = null
  /** Simulated failures still to come, by `METHOD /path` (the sandbox's "fail the next send"). */
  readonly faults = new Map<string, number>()

  constructor(
    readonly apiKey: string,
    /** Cents left to spend; buying a number below its price answers 402 (agentphone-api.md §1.5). */
    public balanceCents = Infinity
  ) {}

  /** Consumes one pending fault for this request, if any. */
  takeFault(method: string, path: string): boolean {
    const key = `${method} ${path}`
    const left = this.faults.get(key) ?? 0
    if (left <= 0) return false
    if (left === 1) this.faults.delete(key)
    else this.faults.set(key, left - 1)
    return true
  }

  agent(id: string): AgentRec {
    const agent = this.agents.get(id)
    if (!agent) throw notFound('Agent')
    return agent
  }

  number(id: string): NumberRec {
    const number = this.numbers.get(id)
    if (!number) throw notFound('Phone number')
    return number
  }

  call(id: string): CallRec {
    const call = this.calls.get(id)
    if (!call) throw notFound('Call')
    return call
  }

  conversation(id: string): ConversationRec {
    const conversation = this.conversations.get(id)
    if (!conversation) throw notFound('Conversation')
    return conversation
  }

  activeNumbers(): NumberRec[] {
    return [...this.numbers.values()].filter((n) => n.status === 'active')
  }

  numbersOf(agentId: string): NumberRec[] {
    return this.activeNumbers().filter((n) => n.agentId === agentId)
  }

  numberByPhone(phone: string): NumberRec | undefined {
    return this.activeNumbers().find((n) => n.phoneNumber === phone)
  }

  contact(id: string): ContactRec {
    const contact = this.contacts.get(id)
    if (!contact) throw notFound('Contact')
    return contact
  }

  /** The saved contact with this phone number, in the `{id, name, email, phoneNumber}` form payloads carry. */
  contactFor(phoneNumber: string): { id: string; name: string; email: string | null; phoneNumber: string } | null {
    for (const c of this.contacts.values()) {
      if (c.phoneNumber === phoneNumber) return { id: c.id, name: c.name, email: c.email, phoneNumber: c.phoneNumber }
    }
    return null
  }

  messagesOf(conversationId: string): MessageRec[] {
    return this.messages.filter((m) => m.conversationId === conversationId)
  }

  /** The webhook an agent's events go to: its own wins, else the project's; never both. */
  webhookFor(agentId: string | null): { scope: string | null; webhook: WebhookRec } | null {
    const own = agentId ? this.agentWebhooks.get(agentId) : undefined
    if (own && agentId) return { scope: agentId, webhook: own }
    return this.projectWebhook ? { scope: null, webhook: this.projectWebhook } : null
  }

  /** The current webhook for a scope captured earlier; a retry uses the newest secret. */
  webhookInScope(scope: string | null): WebhookRec | null {
    return scope === null ? this.projectWebhook : (this.agentWebhooks.get(scope) ?? null)
  }
}

/** Newest first by a timestamp field, as the list endpoints return them; ties: last stored first. */
export function newestFirst<T>(items: Iterable<T>, at: (item: T) => string): T[] {
  return [...items].reverse().sort((a, b) => (at(a) < at(b) ? 1 : at(a) > at(b) ? -1 : 0))
}
