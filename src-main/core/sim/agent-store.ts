/**
 * Agents and numbers: the request schemas (zod, so bad bodies get FastAPI's 422) and the writes
 * shared by the routes, the seed and the sandbox account.
 */
import { z } from 'zod'
import type { Account } from './account'
import type { SimContext } from './context'
import { HttpError } from './http-errors'
import { isoNow, newId } from './ids'
import type { AgentRec, NumberRec } from './types'

export const DEFAULT_VOICE = 'custom_voice_ea22ba5fdfaa18f39c274851c1'

const e164 = z.string().regex(/^\+1\d{10}$/, 'must be a +1 (US/CA) number in E.164')

/** Fields stored as named columns; everything else of the schema lands in `extra`. */
const agentFields = {
  name: z.string().min(1).max(200),
  description: z.string().max(2000).nullable(),
  voiceMode: z.enum(['webhook', 'hosted']),
  systemPrompt: z.string().max(50000).nullable(),
  beginMessage: z.string().max(2000).nullable(),
  voice: z.string().min(1).max(200).nullable(),
  transferNumber: z.union([e164, z.literal('')]).nullable(),
  enableMessaging: z.boolean().nullable(),
  modelTier: z.enum(['turbo', 'balanced', 'max']),
  customTools: z.array(z.record(z.string(), z.unknown())).max(20).nullable(),
  voicemailMessage: z.string().max(1000).nullable(),
  callScreeningIdentity: z.string().max(100).nullable(),
  callScreeningPurpose: z.string().max(300).nullable(),
  sttMode: z.enum(['fast', 'accurate']),
  ambientSound: z.enum(['none', 'office', 'coffee-shop', 'outdoor']),
  denoisingMode: z.enum(['noise-cancellation', 'noise-and-background-speech-cancellation']),
  maxSilenceMs: z.number().int().min(10000).max(3600000).nullable(),
  voiceSpeed: z.number().min(0.5).max(2).nullable(),
  interruptionSensitivity: z.number().min(0).max(1).nullable(),
  enableBackchannel: z.boolean().nullable(),
  language: z.string().min(2).max(20)
}

export const CreateAgentBody = z.object(agentFields).partial().required({ name: true })
export const UpdateAgentBody = z.object(agentFields).partial()
export type AgentInput = z.infer<typeof UpdateAgentBody>

const EXTRA_DEFAULTS: Record<string, unknown> = {
  enableMessaging: true,
  modelTier: 'balanced',
  customTools: null,
  voicemailMessage: null,
  callScreeningIdentity: null,
  callScreeningPurpose: null,
  sttMode: 'fast',
  ambientSound: 'none',
  denoisingMode: 'noise-cancellation',
  maxSilenceMs: 600000,
  voiceSpeed: 1.0,
  interruptionSensitivity: 0.8,
  enableBackchannel: true,
  language: 'en-US'
}
const NAMED = new Set(['name', 'description', 'voiceMode', 'systemPrompt', 'beginMessage', 'voice', 'transferNumber'])

const hostedNeedsPrompt = (): HttpError => new HttpError(400, 'systemPrompt is required when voiceMode is "hosted"')

/** Applies a validated partial update; empty strings clear the fields the MCP tools clear that way. */
export function applyAgentInput(agent: AgentRec, input: AgentInput): void {
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined) continue
    if (!NAMED.has(key)) agent.extra[key] = value ?? EXTRA_DEFAULTS[key] ?? null
    else if (key === 'transferNumber') agent.transferNumber = value === '' ? null : (value as string | null)
    else if (key === 'voice') agent.voice = (value as string | null) ?? DEFAULT_VOICE
    else if (key === 'voiceMode') agent.voiceMode = value as AgentRec['voiceMode']
    else if (key === 'name') agent.name = value as string
    else (agent as unknown as Record<string, unknown>)[key] = value
  }
  if (agent.voiceMode === 'hosted' && !agent.systemPrompt) throw hostedNeedsPrompt()
}

export function createAgent(ctx: SimContext, account: Account, input: AgentInput & { name: string }): AgentRec {
  if (input.voiceMode === 'hosted' && !input.systemPrompt) throw hostedNeedsPrompt()
  const agent: AgentRec = {
    id: newId('agent_'),
    name: input.name,
    description: null,
    voiceMode: 'webhook',
    systemPrompt: null,
    beginMessage: null,
    voice: DEFAULT_VOICE,
    transferNumber: null,
    createdAt: isoNow(ctx.clock),
    extra: { ...EXTRA_DEFAULTS }
  }
  applyAgentInput(agent, input)
  account.agents.set(agent.id, agent)
  return agent
}

/** PATCH semantics: switching to webhook mode clears the hosted prompt and greeting (REST-md). */
export function updateAgent(agent: AgentRec, input: AgentInput): void {
  const next: AgentRec = { ...agent, extra: { ...agent.extra } }
  applyAgentInput(next, input)
  if (input.voiceMode === 'webhook' && agent.voiceMode === 'hosted') {
    if (input.systemPrompt === undefined) next.systemPrompt = null
    if (input.beginMessage === undefined) next.beginMessage = null
  }
  Object.assign(agent, next)
}

export const BuyNumberBody = z.object({
  country: z.enum(['US', 'CA']).default('US'),
  areaCode: z.string().regex(/^\d{3}$/, 'areaCode must be exactly 3 digits').nullable().optional(),
  agentId: z.string().nullable().optional()
})

/** Buys a number: the number limit gives 409 and a balance under the price 402, as the real API does. */
export function buyNumber(ctx: SimContext, account: Account, input: z.infer<typeof BuyNumberBody>): NumberRec {
  if (input.agentId) account.agent(input.agentId)
  const held = account.activeNumbers().length
  if (held >= ctx.numberLimit) {
    throw new HttpError(409, `Number limit reached: this account may hold ${ctx.numberLimit} numbers. Release a number before buying another.`)
  }
  if (account.balanceCents < ctx.numberPriceCents) {
    const dollars = (n: number) => `$${(n / 100).toFixed(2)}`
    throw new HttpError(402, `Insufficient balance: buying a number needs at least ${dollars(ctx.numberPriceCents)} (balance ${dollars(account.balanceCents)}).`)
  }
  const number: NumberRec = {
    id: newId('num_'),
    phoneNumber: ctx.pool.take(input.country, input.areaCode),
    country: input.country,
    status: 'active',
    type: 'sms',
    agentId: input.agentId ?? null,
    createdAt: isoNow(ctx.clock)
  }
  account.numbers.set(number.id, number)
  account.balanceCents -= ctx.numberPriceCents
  return number
}
