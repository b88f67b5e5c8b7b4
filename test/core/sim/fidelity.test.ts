/**
 * Section 9 details: valid numbers, usage plan limits, snake_case call bodies refused, the other
 * field names the vendor's MCP client reads, and `{"transfer": true}` replies.
 */
import { isValidNumber, parsePhoneNumberFromString } from 'libphonenumber-js'
import { afterEach, describe, expect, it } from 'vitest'
import { KEY, startHook, startSim, waitFor } from './helpers'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

describe('numbers for sale', () => {
  it('are valid numbers of their country in the fictional 555-01xx range; a bad or full area code is a 409', async () => {
    const h = await startSim({ numberLimit: 200, balanceCents: 1_000_000 })
    cleanup.push(() => h.sim.stop())
    const bought = [
      (await h.api('POST', '/v1/numbers', {})).body,
      (await h.api('POST', '/v1/numbers', { areaCode: '646' })).body,
      (await h.api('POST', '/v1/numbers', { country: 'CA' })).body,
      (await h.api('POST', '/v1/numbers', { country: 'CA', areaCode: '604' })).body,
      h.sim.ensureSandboxAccount(KEY).number
    ]
    for (const n of bought) {
      expect(isValidNumber(n.phoneNumber), n.phoneNumber).toBe(true)
      expect(n.phoneNumber).toMatch(/^\+1\d{3}55501\d\d$/)
    }
    expect(bought.map((n) => parsePhoneNumberFromString(n.phoneNumber)?.country)).toEqual(['US', 'US', 'CA', 'CA', 'US'])
    expect(bought[1].phoneNumber).toBe('+16465550100')
    expect(new Set(bought.map((n) => n.phoneNumber)).size).toBe(bought.length)
    expect((await h.api('POST', '/v1/numbers', { areaCode: '555' })).status).toBe(409)
    expect((await h.api('POST', '/v1/numbers', { country: 'CA', areaCode: '415' })).status).toBe(409)
    for (let i = 1; i < 100; i++) expect((await h.api('POST', '/v1/numbers', { areaCode: '646' })).status).toBe(200)
    const full = await h.api('POST', '/v1/numbers', { areaCode: '646' })
    expect(full.status).toBe(409)
    expect(full.body.detail).toMatch(/No numbers available in area code 646/)
  })
})

describe('section 9 shapes', () => {
  it('usage carries plan.limits; daily and monthly points carry voiceMinutes beside webhooks', async () => {
    const h = await startSim({ numberLimit: 7 })
    cleanup.push(() => h.sim.stop())
    const usage = (await h.api('GET', '/v1/usage')).body
    expect(usage.plan).toEqual({ name: 'payg', limits: { numbers: 7, messagesPerMonth: 10000, voiceMinutesPerMonth: 1000, maxCallDurationMinutes: 30, concurrentCalls: 5 } })
    const { number } = h.sim.ensureSandboxAccount(KEY)
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    h.sim.sandbox.hangup(KEY, callId)
    const today = (await h.api('GET', '/v1/usage/daily?days=1')).body.data[0]
    expect(today).toEqual({ date: expect.any(String), messages: 0, calls: 1, webhooks: 0, voiceMinutes: 0 })
    expect((await h.api('GET', '/v1/usage/monthly?months=1')).body.data[0]).toMatchObject({ calls: 1, voiceMinutes: 0 })
  })

  it('a snake_case POST /v1/calls body is a 422 naming the missing camelCase fields', async () => {
    const h = await startSim()
    cleanup.push(() => h.sim.stop())
    const { agent } = h.sim.ensureSandboxAccount(KEY)
    const res = await h.api('POST', '/v1/calls', { agent_id: agent.id, to_number: '+14155550123' })
    expect(res.status).toBe(422)
    expect(res.body.detail).toEqual([
      { loc: ['body', 'agentId'], msg: 'Field required', type: 'missing' },
      { loc: ['body', 'toNumber'], msg: 'Field required', type: 'missing' }
    ])
  })

  it('delivery lists and records carry the MCP client’s names (data, hasMore; event, statusCode, success, deliveredAt, responseMs) beside the documented ones', async () => {
    const hook = await startHook()
    const h = await startSim()
    cleanup.push(() => h.sim.stop(), () => hook.close())
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    await h.api('POST', '/v1/webhooks/test')
    const list = (await h.api('GET', '/v1/webhooks/deliveries?limit=1')).body
    expect(list).toMatchObject({ total: 1, offset: 0, limit: 1, hasMore: false })
    expect(list.data).toEqual(list.items)
    expect(list.items[0]).toMatchObject({ eventType: 'agent.message', httpStatus: 200, status: 'delivered', event: 'agent.message', statusCode: 200, success: true, deliveredAt: list.items[0].lastAttemptAt, responseMs: expect.any(Number) })
  })

  it('a voice reply {"transfer": true} transfers to the agent’s number, or to a transferNumber given in the reply', async () => {
    const hook = await startHook((hit, res) => {
      if (hit.json.channel === 'voice' && hit.json.event === 'agent.message') res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"text":"Transferring you.","transfer":true}')
      else res.writeHead(200).end()
    })
    const h = await startSim()
    cleanup.push(() => h.sim.stop(), () => hook.close())
    const { agent, number } = h.sim.ensureSandboxAccount(KEY)
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    await h.api('PATCH', `/v1/agents/${agent.id}`, { transferNumber: '+14155550111' })
    const heard: Array<{ action?: string }> = []
    h.sim.on('heard', (e) => heard.push(e))
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'A person, please')
    expect(heard.at(-1)).toMatchObject({ text: 'Transferring you.', action: 'transfer' })
    expect((await h.api('GET', `/v1/calls/${callId}`)).body).toMatchObject({ status: 'completed', disconnectionReason: 'call_transfer' })
    const ended = await waitFor(() => hook.hits.find((x) => x.json.event === 'agent.call_ended'))
    expect(ended.json.data).toMatchObject({ callId, disconnectionReason: 'call_transfer' })

    // Without a number on the agent the reply's own transferNumber is the target; with neither it is no transfer.
    await h.api('PATCH', `/v1/agents/${agent.id}`, { transferNumber: '' })
    hook.setHandler((hit, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(hit.json.channel === 'voice' ? '{"text":"Over to you.","transfer":true,"transferNumber":"+14155550112"}' : ''))
    const second = h.sim.sandbox.dial(KEY, { to: number.phoneNumber }).callId
    await h.sim.sandbox.say(KEY, second, 'A person, please')
    expect((await h.api('GET', `/v1/calls/${second}`)).body).toMatchObject({ status: 'completed', disconnectionReason: 'call_transfer' })
    hook.setHandler((hit, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(hit.json.channel === 'voice' ? '{"text":"Hmm.","transfer":true}' : ''))
    const third = h.sim.sandbox.dial(KEY, { to: number.phoneNumber }).callId
    await h.sim.sandbox.say(KEY, third, 'A person, please')
    expect((await h.api('GET', `/v1/calls/${third}`)).body.status).toBe('in-progress')
  })
})
