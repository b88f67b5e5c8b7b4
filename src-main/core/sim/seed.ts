/**
 * Demo data for a fresh account: two agents (one webhook, one hosted), their numbers, a few
 * finished calls with transcripts and two SMS threads, dated in the recent past. Written straight
 * into the records so seeding sends no webhooks.
 */
import type { Account } from './account'
import { buyNumber, createAgent } from './agent-store'
import type { SimRuntime } from './context'
import { newId } from './ids'
import type { AgentRec, CallRec, NumberRec } from './types'

const MIN = 60_000

function pastCall(rt: SimRuntime, account: Account, agent: AgentRec, number: NumberRec, agoMin: number, lines: Array<[role: 'user' | 'agent', text: string]>): void {
  const start = rt.clock.now() - agoMin * MIN
  const iso = (offsetSec: number): string => new Date(start + offsetSec * 1000).toISOString()
  const call: CallRec = {
    id: newId('call_'),
    agentId: agent.id,
    phoneNumberId: number.id,
    phoneNumber: number.phoneNumber,
    fromNumber: `+1555019${String(1000 + agoMin).slice(-4)}`,
    toNumber: number.phoneNumber,
    direction: 'inbound',
    status: 'completed',
    startedAt: iso(0),
    answeredAt: iso(0),
    endedAt: iso(lines.length * 6 + 4),
    disconnectionReason: 'user_hangup',
    turns: lines.map(([role, content], i) => ({ id: newId('turn_'), role, content, createdAt: iso(i * 6), ...(role === 'user' ? { confidence: 0.93 } : {}) })),
    hosted: agent.voiceMode === 'hosted',
    systemPrompt: agent.systemPrompt,
    greeting: agent.beginMessage
  }
  account.calls.set(call.id, call)
}

export function seedAccount(rt: SimRuntime, account: Account): void {
  const support = createAgent(rt, account, { name: 'Support Line', description: 'Answers customer questions (webhook mode).' })
  const booking = createAgent(rt, account, {
    name: 'Appointment Desk',
    description: 'Books and moves appointments (hosted mode).',
    voiceMode: 'hosted',
    systemPrompt: 'You book appointments for a dental clinic. Be brief and friendly.',
    beginMessage: 'Hi, this is the appointment desk. How can I help?'
  })
  const supportNumber = buyNumber(rt, account, { country: 'US', agentId: support.id })
  const bookingNumber = buyNumber(rt, account, { country: 'US', agentId: booking.id })

  pastCall(rt, account, support, supportNumber, 180, [
    ['user', 'Hi, my order has not arrived yet.'],
    ['agent', 'Sorry about that. Can you give me the order number?'],
    ['user', 'It is 4 4 7 1.'],
    ['agent', 'Thanks. It ships tomorrow morning.']
  ])
  pastCall(rt, account, booking, bookingNumber, 95, [
    ['agent', 'Hi, this is the appointment desk. How can I help?'],
    ['user', 'I need to move my cleaning to Friday.'],
    ['agent', 'Done: Friday at 10 am. Anything else?'],
    ['user', 'No, goodbye.']
  ])
  pastCall(rt, account, support, supportNumber, 30, [
    ['user', 'Do you open on Sundays?'],
    ['agent', 'We are open 10 to 4 on Sundays.']
  ])

  const texts: Array<[number, string, 'inbound' | 'outbound', string, number]> = [
    [0, '+15550199101', 'inbound', 'Is my package coming today?', 240],
    [0, '+15550199101', 'outbound', 'Yes, between 2 and 5 pm.', 238],
    [1, '+15550199102', 'inbound', 'Can I book a checkup next week?', 60],
    [1, '+15550199102', 'outbound', 'Sure: Tuesday 9 am or Thursday 3 pm?', 58]
  ]
  for (const [which, participant, direction, body, agoMin] of texts) {
    const number = which === 0 ? supportNumber : bookingNumber
    rt.messaging.thread(account, { number, participant, direction, body, at: new Date(rt.clock.now() - agoMin * MIN).toISOString() })
  }
}
