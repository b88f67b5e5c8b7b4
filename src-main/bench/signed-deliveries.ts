import { createHmac } from 'node:crypto'

/**
 * The deliveries the load generator sends, built and signed the way AgentPhone builds and signs
 * them (agentphone-api.md §3.3–3.4): an inbound SMS with its thread's recent history (about
 * 1.4 KB, what a real text with a few messages of context weighs) and a caller's voice turn.
 */
export interface SignedDelivery {
  body: string
  headers: Record<string, string>
}

/** Who the deliveries are for: a real agent and number of the simulator the app is connected to. */
export interface DeliveryTarget {
  secret: string
  agentId: string
  numberId: string
  agentNumber: string
  /** How many senders (threads) the texts come from; 50 unless said. */
  threads?: number
}

/** The size the SMS bodies are padded to, give or take a few bytes of counter. */
export const SMS_BYTES = 1400

let serial = 0
const runId = `${process.pid}_${Date.now().toString(36)}`

const HISTORY = [
  'Hi, I ordered the walnut side table last week and the tracking page has not moved since Monday.',
  'Thanks for reaching out! Could you share the order number so I can look it up for you?',
  'Sure, it is 4521-7784. I need it before Saturday because we have guests coming over.',
  'I see it: it left the warehouse on Monday and is with the regional carrier now.'
]

function sign(secret: string, body: string, event: string): SignedDelivery {
  const n = ++serial
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'AgentPhone-Webhooks/1.0',
      'x-webhook-signature': signature,
      'x-webhook-timestamp': timestamp,
      'x-webhook-id': `wh_${runId}_${n}`,
      'x-webhook-event': event
    }
  }
}

/** One inbound SMS from one of `threads` numbers, each its own thread, with four messages of history. */
export function signedSms(t: DeliveryTarget): SignedDelivery {
  const n = serial + 1
  const thread = n % (t.threads ?? 50)
  const from = `+1555200${String(thread).padStart(4, '0')}`
  const at = new Date().toISOString()
  const envelope = {
    event: 'agent.message',
    channel: 'sms',
    timestamp: at,
    agentId: t.agentId,
    data: {
      messageId: `msg_${runId}_${n}`,
      conversationId: `conv_bench_${thread}`,
      numberId: t.numberId,
      from,
      to: t.agentNumber,
      message: `Any news on order 4521-7784? This is text number ${n}. `,
      direction: 'inbound',
      receivedAt: at,
      mediaUrls: []
    },
    conversationState: { customerTier: 'gold', lastOrder: '4521-7784' },
    recentHistory: HISTORY.map((content, i) => ({ content, direction: i % 2 ? 'outbound' : 'inbound', channel: 'sms', at }))
  }
  const bare = JSON.stringify(envelope)
  // Pad the text itself so every body weighs about the same, whatever the counter's digits.
  envelope.data.message += '.'.repeat(Math.max(0, SMS_BYTES - Buffer.byteLength(bare)))
  return sign(t.secret, JSON.stringify(envelope), 'agent.message')
}

/** A caller's turn on a call of its own, so every turn held open is a different call. */
export function signedVoiceTurn(t: DeliveryTarget): SignedDelivery {
  const n = serial + 1
  const body = JSON.stringify({
    event: 'agent.message',
    channel: 'voice',
    timestamp: new Date().toISOString(),
    agentId: t.agentId,
    data: {
      callId: `call_${runId}_${n}`,
      numberId: t.numberId,
      from: `+1555300${String(n % 10_000).padStart(4, '0')}`,
      to: t.agentNumber,
      status: 'in-progress',
      transcript: 'Are you open on Sunday?',
      confidence: 0.93,
      direction: 'inbound'
    },
    conversationState: null,
    recentHistory: []
  })
  return sign(t.secret, body, 'agent.message')
}
