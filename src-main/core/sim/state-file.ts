/**
 * The simulator's state as one JSON document: every account with its agents (ids kept), numbers,
 * calls with their turns, conversations and messages, contacts, webhooks with their secrets,
 * deliveries, balance. Read back through a zod schema, so a file that is not what we wrote is
 * reported as corrupt instead of half-loaded.
 */
import { z } from 'zod'
import { Account } from './account'
import type { AgentRec, CallRec, ContactCardRec, ContactRec, ConversationRec, DeliveryRec, MessageRec, NumberRec, SubAccountRec, WebhookRec } from './types'

export const STATE_VERSION = 1
/** Deliveries kept per account; older ones drop out of the file (and of the usage webhook counts). */
export const MAX_SAVED_DELIVERIES = 2000

export interface AccountSnapshot {
  apiKey: string
  balanceCents: number
  sandboxAgentId: string | null
  agents: AgentRec[]
  numbers: NumberRec[]
  calls: CallRec[]
  messages: MessageRec[]
  conversations: ConversationRec[]
  contacts: ContactRec[]
  contactCards: Array<[string, ContactCardRec]>
  subAccounts: SubAccountRec[]
  registration: Account['registration']
  projectWebhook: WebhookRec | null
  agentWebhooks: Array<[string, WebhookRec]>
  deliveries: DeliveryRec[]
}

export interface StateDocument {
  version: number
  savedAt: string
  accounts: AccountSnapshot[]
}

// Records are checked for the fields the simulator relies on; the rest passes through as written.
const rec = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape)
const id = z.string().min(1)
const iso = z.string()
const WebhookSchema = rec({ id, url: z.string(), secret: z.string(), contextLimit: z.number(), timeout: z.number() })

const AccountSchema = z.object({
  apiKey: z.string().min(1),
  // JSON has no Infinity: an unlimited balance is written as null.
  balanceCents: z.number().nullable().transform((v) => v ?? Infinity),
  sandboxAgentId: z.string().nullable(),
  agents: z.array(rec({ id, name: z.string(), voiceMode: z.enum(['webhook', 'hosted']), createdAt: iso, extra: z.record(z.string(), z.unknown()) })),
  numbers: z.array(rec({ id, phoneNumber: z.string(), status: z.enum(['active', 'released']), agentId: z.string().nullable() })),
  calls: z.array(rec({ id, status: z.string(), startedAt: iso, fromNumber: z.string(), toNumber: z.string(), turns: z.array(rec({ id, role: z.enum(['user', 'agent']), content: z.string(), createdAt: iso })) })),
  messages: z.array(rec({ id, conversationId: z.string(), numberId: z.string(), body: z.string(), receivedAt: iso, mediaUrls: z.array(z.string()) })),
  conversations: z.array(rec({ id, phoneNumberId: z.string(), participant: z.string(), lastMessageAt: iso })),
  contacts: z.array(rec({ id, phoneNumber: z.string(), name: z.string() })),
  contactCards: z.array(z.tuple([z.string(), rec({})])),
  subAccounts: z.array(rec({ id, name: z.string() })),
  registration: rec({ campaign_status: z.string() }).nullable(),
  projectWebhook: WebhookSchema.nullable(),
  agentWebhooks: z.array(z.tuple([z.string(), WebhookSchema])),
  deliveries: z.array(rec({ id, eventType: z.string(), status: z.enum(['pending', 'delivered', 'failed']), createdAt: iso }))
})

export const StateSchema = z.object({ version: z.literal(STATE_VERSION), savedAt: iso, accounts: z.array(AccountSchema) })

export function snapshotAccount(a: Account): AccountSnapshot {
  return {
    apiKey: a.apiKey,
    balanceCents: a.balanceCents,
    sandboxAgentId: a.sandboxAgentId,
    agents: [...a.agents.values()],
    numbers: [...a.numbers.values()],
    calls: [...a.calls.values()],
    messages: a.messages,
    conversations: [...a.conversations.values()],
    contacts: [...a.contacts.values()],
    contactCards: [...a.contactCards],
    subAccounts: [...a.subAccounts.values()],
    registration: a.registration,
    projectWebhook: a.projectWebhook,
    agentWebhooks: [...a.agentWebhooks],
    deliveries: a.deliveries.slice(-MAX_SAVED_DELIVERIES)
  }
}

export function snapshot(accounts: Iterable<Account>, savedAt: string): StateDocument {
  return { version: STATE_VERSION, savedAt, accounts: [...accounts].map(snapshotAccount) }
}

/** Rebuilds an account; `savedAt` closes what the last run left open (see `closeLeftovers`). */
export function restoreAccount(s: z.output<typeof AccountSchema>, savedAt: string): Account {
  const a = new Account(s.apiKey, s.balanceCents)
  a.sandboxAgentId = s.sandboxAgentId
  const byId = <T extends { id: string }>(map: Map<string, T>, items: T[]): void => items.forEach((x) => map.set(x.id, x))
  byId(a.agents, s.agents as unknown as AgentRec[])
  byId(a.numbers, s.numbers as unknown as NumberRec[])
  byId(a.calls, s.calls as unknown as CallRec[])
  a.messages.push(...(s.messages as unknown as MessageRec[]))
  byId(a.conversations, s.conversations as unknown as ConversationRec[])
  byId(a.contacts, s.contacts as unknown as ContactRec[])
  for (const [numberId, card] of s.contactCards) a.contactCards.set(numberId, card as unknown as ContactCardRec)
  byId(a.subAccounts, s.subAccounts as unknown as SubAccountRec[])
  a.registration = s.registration as Account['registration']
  a.projectWebhook = s.projectWebhook as unknown as WebhookRec | null
  for (const [agentId, w] of s.agentWebhooks) a.agentWebhooks.set(agentId, w as unknown as WebhookRec)
  a.deliveries.push(...(s.deliveries as unknown as DeliveryRec[]))
  closeLeftovers(a, savedAt)
  return a
}

/**
 * A call or delivery still open when the last run stopped cannot go on (nothing carries it now):
 * calls end as failed at the moment of the last save, pending deliveries are marked failed.
 */
function closeLeftovers(a: Account, savedAt: string): void {
  for (const call of a.calls.values()) {
    if (call.status === 'ringing' || call.status === 'in-progress' || call.status === 'ending') {
      call.status = 'failed'
      call.endedAt = savedAt
      call.disconnectionReason = 'simulator_restarted'
    }
  }
  for (const d of a.deliveries) {
    if (d.status === 'pending') {
      d.status = 'failed'
      d.errorMessage = 'the simulator stopped before the delivery was retried'
      d.nextRetryAt = null
    }
  }
}
