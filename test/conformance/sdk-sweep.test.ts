/**
 * The rest of the SDK-typed surface the walk does not pass through (lists per agent and number,
 * message logs, conversation update, usage breakdowns, all-time stats, agent webhooks, detach,
 * project webhook delete), each answer held to the SDK's typed shape. SDK only: our client's own
 * unit tests cover its side of these.
 */
import type { AgentPhoneClient as SdkClient } from 'agentphone'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Env } from './harness'
import { API_KEY, startEnv } from './harness'
import { expectEachShape, expectShape } from './shape'
import { AGENT, DELIVERY, WEBHOOK } from './shapes'
import { AGENT_CONVERSATION, AGENT_USAGE, ALL_TIME, CALL_SUMMARY, CONVERSATION_MESSAGE, MONTHLY_POINT, NUMBER_MESSAGE, NUMBER_USAGE } from './shapes-sweep'

const CONTACT = '+14155550188'
let env: Env
let sdk: SdkClient
let agentId = ''
let numberId = ''
let phoneNumber = ''
let conversationId = ''

beforeAll(async () => {
  env = await startEnv()
  sdk = env.sdk({ maxRetries: 0 })
  agentId = (await sdk.agents.createAgent({ name: 'Sweep' })).id
  const number = await sdk.numbers.createNumber({ agentId })
  numberId = number.id
  phoneNumber = number.phoneNumber
  // One text each way and one finished inbound call, so every list below has an item.
  conversationId = (await sdk.messages.sendMessage({ number_id: numberId, to_number: CONTACT, body: 'Out' })).conversation_id ?? ''
  env.sim.sandbox.sms(API_KEY, { to: phoneNumber, from: CONTACT, body: 'In' })
  const { callId } = env.sim.sandbox.dial(API_KEY, { to: phoneNumber, from: CONTACT })
  env.sim.sandbox.hangup(API_KEY, callId)
})
afterAll(() => env.stop())

describe('SDK sweep', () => {
  it('agents: list (no hasMore), update, calls and conversations per agent', async () => {
    const list = await sdk.agents.listAgents()
    expectEachShape(list.data, AGENT, 'agent')
    expect(list.total).toBe(1)
    expect('hasMore' in list).toBe(false)
    const updated = await sdk.agents.updateAgent({ agent_id: agentId, beginMessage: 'Hi!', voiceSpeed: 1.5 })
    expectShape(updated, AGENT, 'updated agent')
    expect(updated).toMatchObject({ beginMessage: 'Hi!', voiceSpeed: 1.5, name: 'Sweep' })
    const calls = await sdk.agents.listAgentCalls({ agent_id: agentId })
    expectEachShape(calls.data, CALL_SUMMARY, 'call')
    expect(calls).toMatchObject({ total: 1, hasMore: false, data: [{ fromNumber: CONTACT, toNumber: phoneNumber, status: 'completed' }] })
    const convs = await sdk.agents.listAgentConversations({ agent_id: agentId })
    expectEachShape(convs.data, AGENT_CONVERSATION, 'conversation')
    expect(convs).toMatchObject({ total: 1, data: [{ id: conversationId, messageCount: 2, lastMessagePreview: 'In' }] })
  })

  it('calls: account list and per-number list (typed unknown by the SDK: CallSummary per §2.6)', async () => {
    const all = (await sdk.calls.listCalls({ direction: 'inbound' })) as { data: unknown[]; total: number; hasMore: boolean }
    expectEachShape(all.data, CALL_SUMMARY, 'call')
    expect(all).toMatchObject({ total: 1, hasMore: false })
    const perNumber = (await sdk.calls.listCallsForNumber({ number_id: numberId })) as { data: unknown[]; total: number }
    expect(perNumber.total).toBe(1)
  })

  it('messages: a number log (`from_` as typed), a conversation page, a metadata update', async () => {
    const log = await sdk.numbers.getMessages({ number_id: numberId })
    expectEachShape(log.data, NUMBER_MESSAGE, 'message')
    expect(log.data.map((m) => [m.direction, m.from_, m.to, m.body])).toEqual([
      ['inbound', CONTACT, phoneNumber, 'In'],
      ['outbound', phoneNumber, CONTACT, 'Out']
    ])
    const page = await sdk.conversations.getConversationMessages({ conversation_id: conversationId, limit: 1 })
    expectEachShape(page.data, CONVERSATION_MESSAGE, 'message')
    expect(page).toMatchObject({ hasMore: true, data: [{ body: 'In', direction: 'inbound' }] })
    const updated = await sdk.conversations.updateConversation({ conversation_id: conversationId, metadata: { stage: 'sweep' } })
    expect(updated).toMatchObject({ id: conversationId, metadata: { stage: 'sweep' }, messageCount: 2 })
    expectEachShape(updated.messages, CONVERSATION_MESSAGE, 'message')
  })

  it('usage breakdowns: monthly, by number, by agent', async () => {
    const monthly = await sdk.usage.getMonthlyUsage({ months: 2 })
    expectEachShape(monthly.data, MONTHLY_POINT, 'month')
    expect(monthly.months).toBe(2)
    expect(monthly.data.at(-1)).toMatchObject({ month: new Date().toISOString().slice(0, 7), messages: 2, calls: 1 })
    const byNumber = await sdk.usage.getUsageByNumber()
    expectEachShape(byNumber.data, NUMBER_USAGE, 'number')
    expect(byNumber.data).toEqual([expect.objectContaining({ numberId, agentId, agentName: 'Sweep', messages: 2, calls: 1 })])
    const byAgent = await sdk.usage.getUsageByAgent({ period: 'week' })
    expectEachShape(byAgent.data, AGENT_USAGE, 'agent')
    expect(byAgent.data).toEqual([expect.objectContaining({ agentId, messages: 2, calls: 1 })])
  })

  it('agent webhook: set, read, test (signed with its own secret), deliveries, delete; then detach', async () => {
    const wh = await sdk.agentWebhooks.createOrUpdateAgentWebhook({ agent_id: agentId, body: { url: env.receiver.url } })
    expectShape(wh, WEBHOOK, 'agent webhook')
    expect(wh).toMatchObject({ contextLimit: 10, timeout: 30 })
    expect((await sdk.agentWebhooks.getAgentWebhook({ agent_id: agentId }))?.id).toBe(wh.id)
    env.receiver.secrets = [wh.secret]
    expect(await sdk.agentWebhooks.testAgentWebhook({ agent_id: agentId })).toMatchObject({ success: true, httpStatus: 200 })
    expect(env.receiver.deliveries.at(-1)?.check.ok).toBe(true)
    const deliveries = await sdk.agentWebhooks.listAgentDeliveries({ agent_id: agentId })
    expectEachShape(deliveries, DELIVERY, 'delivery')
    expect(deliveries.map((d) => d.status)).toEqual(['delivered'])
    expectShape(await sdk.webhooks.allTimeStats(), ALL_TIME, 'all-time stats')
    expect(await sdk.agentWebhooks.deleteAgentWebhook({ agent_id: agentId })).toEqual({ success: true })
    expect(await sdk.agentWebhooks.getAgentWebhook({ agent_id: agentId })).toBeNull()
    expect(await sdk.agents.detachNumberFromAgent({ agent_id: agentId, number_id: numberId })).toEqual({ success: true })
    expect((await sdk.numbers.getNumber({ number_id: numberId })).agentId).toBeNull()
  })

  it('project webhook: delete answers success and leaves none', async () => {
    await sdk.webhooks.createOrUpdateWebhook({ body: { url: env.receiver.url } })
    expect(await sdk.webhooks.deleteWebhook()).toEqual({ success: true })
    expect(await sdk.webhooks.getWebhook()).toBeNull()
  })
})
