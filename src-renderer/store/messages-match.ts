import type { Agent, Conversation, Message } from '../../src-preload/contract'
import type { SendFrom } from './messages-types'

/** Messages kept per thread: a long thread still renders quickly and memory stays flat. */
export const MAX_THREAD_MESSAGES = 500
/**
 * Conversations kept in memory (with their threads): texts from thousands of numbers must not
 * grow the page without end. Trimmed only past a little more, so it is not done on every text.
 */
export const MAX_CONVERSATIONS = 500
const TRIM_SLACK = 50

/** Ids made up here for a conversation the API has not named yet (an event without conversationId). */
export const LOCAL_PREFIX = 'local:'

/** The far end and our number of a message, whichever way it went. */
export function endsOf(m: Pick<Message, 'direction' | 'from' | 'to'>): { participant: string; ours: string } {
  return m.direction === 'inbound' ? { participant: m.from, ours: m.to } : { participant: m.to, ours: m.from }
}

const sameThread = (c: Conversation, participant: string, ours: string): boolean =>
  c.participant === participant && c.phoneNumber === ours

/**
 * Which conversation a message belongs to: its conversationId when it has one, else the known
 * conversation between the same participant and number, else a local id for that pair.
 */
export function conversationIdFor(m: Message, conversations: Record<string, Conversation>): string {
  if (m.conversationId) return m.conversationId
  const { participant, ours } = endsOf(m)
  const known = Object.values(conversations).find((c) => sameThread(c, participant, ours))
  return known?.id ?? `${LOCAL_PREFIX}${participant}|${ours}`
}

/** For a local id: the listed conversation it turned out to be, if any. */
export function resolveLocal(local: Conversation, listed: Conversation[]): Conversation | undefined {
  if (!local.id.startsWith(LOCAL_PREFIX) || !local.participant || !local.phoneNumber) return undefined
  return listed.find((c) => sameThread(c, local.participant ?? '', local.phoneNumber ?? ''))
}

/** A conversation built from a message, until the API's list says more. */
export function provisionalConversation(id: string, m: Message): Conversation {
  const { participant, ours } = endsOf(m)
  return { id, participant, phoneNumber: ours, agentId: m.agentId ?? null, lastMessageAt: m.at, lastMessagePreview: m.body }
}

/** Fetched and live messages joined by id, in time order, trimmed to the newest MAX_THREAD_MESSAGES. */
export function mergeMessages(a: readonly Message[], b: readonly Message[]): Message[] {
  const byId = new Map<string, Message>()
  for (const m of [...a, ...b]) if (!byId.has(m.id)) byId.set(m.id, m)
  const all = [...byId.values()]
  // Stable sort keeps arrival order for messages stamped with the same time.
  all.sort((x, y) => (Date.parse(x.at) || 0) - (Date.parse(y.at) || 0))
  return all.slice(-MAX_THREAD_MESSAGES)
}

/**
 * One live message into a thread: `mergeMessages` for one, without sorting the whole thread. A
 * message newer than the last (the usual case: a live one) is appended; one already there keeps
 * the thread as it is; an older one is merged in its place. A flood of texts goes through here.
 */
export function appendMessage(thread: readonly Message[], m: Message): Message[] {
  const last = thread[thread.length - 1]
  if (last && (Date.parse(m.at) || 0) < (Date.parse(last.at) || 0)) return mergeMessages(thread, [m])
  for (let i = thread.length - 1; i >= 0; i--) if (thread[i]!.id === m.id) return thread as Message[]
  const next = thread.length >= MAX_THREAD_MESSAGES ? thread.slice(thread.length - MAX_THREAD_MESSAGES + 1) : thread.slice()
  next.push(m)
  return next
}

/**
 * Who a reply goes out from: the conversation's own number when known (an agent may hold several
 * numbers, and the API would otherwise pick its first), else the agent.
 */
export function senderFor(c: Conversation, agents: Agent[] | null): SendFrom | null {
  if (c.phoneNumberId) return { numberId: c.phoneNumberId }
  const owner = agents?.flatMap((a) => a.numbers ?? []).find((n) => n.phoneNumber === c.phoneNumber)
  if (owner) return { numberId: owner.id }
  if (c.agentId) return { agentId: c.agentId }
  return null
}

/** Newest activity first. */
export function sortConversations(list: Conversation[]): Conversation[] {
  return list.slice().sort((a, b) => (Date.parse(b.lastMessageAt ?? '') || 0) - (Date.parse(a.lastMessageAt ?? '') || 0))
}

/**
 * Which conversations to let go of when there are too many: the least recently active beyond
 * MAX_CONVERSATIONS, never one in `keep` (open, or with something typed or being sent).
 */
export function conversationsToDrop(conversations: Record<string, Conversation>, keep: ReadonlySet<string>): string[] {
  const all = Object.values(conversations)
  if (all.length <= MAX_CONVERSATIONS + TRIM_SLACK) return []
  return sortConversations(all)
    .slice(MAX_CONVERSATIONS)
    .map((c) => c.id)
    .filter((id) => !keep.has(id))
}
