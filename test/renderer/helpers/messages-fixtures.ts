import type { Agent, Conversation, Message } from '../../../src-preload/contract'
import type { FakeBridge } from './fake-bridge'
import { fakeBridge } from './fake-bridge'

export const AGENTS: Agent[] = [
  { id: 'agt_sandbox', name: 'Sandbox Agent', voiceMode: 'webhook', numbers: [{ id: 'num_1', phoneNumber: '+14155550100' }] },
  { id: 'agt_bare', name: 'Numberless Agent', voiceMode: 'hosted', numbers: [] }
]

export const CONV_A: Conversation = {
  id: 'conv_a',
  agentId: 'agt_sandbox',
  phoneNumberId: 'num_1',
  phoneNumber: '+14155550100',
  participant: '+15550100999',
  lastMessageAt: '2026-01-01T10:00:00.000Z',
  lastMessagePreview: 'Is the shop open?',
  metadata: { step: 'greeting' }
}

export const CONV_B: Conversation = {
  id: 'conv_b',
  agentId: 'agt_sandbox',
  phoneNumberId: 'num_1',
  phoneNumber: '+14155550100',
  participant: '+14155557777',
  lastMessageAt: '2026-01-01T09:00:00.000Z',
  lastMessagePreview: 'Thanks!',
  metadata: null
}

let seq = 0
/** A text from the participant to our number (inbound) or back (outbound). */
export function sms(conv: Conversation, body: string, direction: Message['direction'] = 'inbound', over: Partial<Message> = {}): Message {
  seq += 1
  const ours = conv.phoneNumber ?? ''
  const them = conv.participant ?? ''
  return {
    id: `msg_${seq}`,
    conversationId: conv.id,
    direction,
    from: direction === 'inbound' ? them : ours,
    to: direction === 'inbound' ? ours : them,
    body,
    channel: 'sms',
    at: new Date(Date.UTC(2026, 0, 1, 11, 0, seq)).toISOString(),
    agentId: conv.agentId ?? null,
    ...over
  }
}

/** A bridge that knows two conversations and the agents; tests override what they need. */
export function messagingBridge(): FakeBridge {
  const threads: Record<string, Message[]> = { conv_a: [sms(CONV_A, 'Is the shop open?')], conv_b: [sms(CONV_B, 'Thanks!')] }
  return fakeBridge({
    'conversations.list': () => ({ items: [CONV_A, CONV_B], total: 2 }),
    'conversations.get': ({ conversationId }) => {
      const conversation = [CONV_A, CONV_B].find((c) => c.id === conversationId)
      return conversation
        ? { conversation, messages: threads[conversationId] ?? [] }
        : { ok: false, error: { code: 'not_found', message: 'no such conversation' } }
    },
    'agents.list': () => ({ items: AGENTS, total: AGENTS.length }),
    'agents.voices': () => ({ items: [{ voice_id: 'v_alloy', voice_name: 'Alloy', provider: 'openai' }] })
  })
}
