import { afterEach, describe, expect, it } from 'vitest'
import type { SmsEvent } from '../../../src-main/core/sim/types'
import type { SimHandle } from './helpers'
import { KEY, OTHER_KEY, startSim } from './helpers'

let handle: SimHandle | null = null
afterEach(async () => {
  await handle?.sim.stop()
  handle = null
})

async function sim(options: Parameters<typeof startSim>[0] = {}): Promise<SimHandle> {
  handle = await startSim(options)
  return handle
}

describe('REST shapes and status codes', () => {
  it('401 for a missing or unknown key, with a detail string', async () => {
    const h = await sim()
    const none = await h.api('GET', '/v1/agents', undefined, null)
    expect(none.status).toBe(401)
    expect(none.body).toEqual({ detail: 'Invalid or missing API key' })
    expect((await h.api('GET', '/v1/agents', undefined, 'sk_wrong')).status).toBe(401)
  })

  it('keeps state per API key', async () => {
    const h = await sim()
    const created = await h.api('POST', '/v1/agents', { name: 'Mine' })
    expect((await h.api('GET', `/v1/agents/${created.body.id}`, undefined, OTHER_KEY)).status).toBe(404)
    expect((await h.api('GET', '/v1/agents', undefined, OTHER_KEY)).body).toEqual({ data: [], total: 0 })
  })

  it('404 with detail for unknown ids, 404 for unknown paths', async () => {
    const h = await sim()
    for (const path of ['/v1/agents/agent_nope', '/v1/numbers/num_nope', '/v1/calls/call_nope', '/v1/conversations/conv_nope']) {
      const res = await h.api('GET', path)
      expect(res.status, path).toBe(404)
      expect(typeof res.body.detail).toBe('string')
    }
    expect((await h.api('GET', '/v1/nothing')).status).toBe(404)
    expect((await h.api('GET', '/v1/calls/call_x/recording', undefined, null)).status).toBe(404)
  })

  it('422 FastAPI-style detail array for body and query validation', async () => {
    const h = await sim()
    const res = await h.api('POST', '/v1/agents', { voiceMode: 'robot' })
    expect(res.status).toBe(422)
    expect(res.body.detail).toEqual(
      expect.arrayContaining([
        { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
        expect.objectContaining({ loc: ['body', 'voiceMode'], type: 'enum' })
      ])
    )
    const q = await h.api('GET', '/v1/numbers?limit=500')
    expect(q.status).toBe(422)
    expect(q.body.detail[0].loc).toEqual(['query', 'limit'])
    expect((await h.api('POST', '/v1/agents', { name: 'H', voiceMode: 'hosted' })).status).toBe(400)
  })

  it('409 with a detail text past the number limit; release twice gives 400', async () => {
    const h = await sim({ numberLimit: 2 })
    const a = await h.api('POST', '/v1/numbers', {})
    expect(a.body).toMatchObject({ country: 'US', status: 'active', type: 'sms', agentId: null })
    expect(a.body.id).toMatch(/^num_/)
    expect(a.body.phoneNumber).toMatch(/^\+1\d{3}55501\d\d$/)
    expect((await h.api('POST', '/v1/numbers', { areaCode: '212' })).body.phoneNumber).toBe('+12125550100')
    const third = await h.api('POST', '/v1/numbers', {})
    expect(third.status).toBe(409)
    expect(third.body.detail).toMatch(/Number limit reached/)
    expect((await h.api('DELETE', `/v1/numbers/${a.body.id}`)).body).toEqual({ success: true, phoneNumber: a.body.phoneNumber, status: 'released' })
    expect((await h.api('DELETE', `/v1/numbers/${a.body.id}`)).status).toBe(400)
    expect((await h.api('GET', `/v1/numbers/${a.body.id}`)).body.status).toBe('released')
    expect((await h.api('POST', '/v1/numbers', {})).status).toBe(200)
  })

  it('429 with Retry-After past the configured rate', async () => {
    const h = await sim({ rateLimit: { perMinute: 3 } })
    for (let i = 0; i < 3; i++) expect((await h.api('GET', '/v1/usage')).status).toBe(200)
    const limited = await h.api('GET', '/v1/usage')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60)
    expect(typeof limited.body.detail).toBe('string')
    expect((await h.api('GET', '/v1/usage', undefined, OTHER_KEY)).status).toBe(200)
  })

  it('list envelopes differ per endpoint, as the real API', async () => {
    const h = await sim({ seed: true })
    const agents = await h.api('GET', '/v1/agents')
    expect(Object.keys(agents.body).sort()).toEqual(['data', 'total'])
    const numbers = await h.api('GET', '/v1/numbers?limit=1')
    expect(numbers.body).toMatchObject({ total: 2, hasMore: true })
    expect(numbers.body.data).toHaveLength(1)
    const calls = await h.api('GET', '/v1/calls')
    expect(Object.keys(calls.body).sort()).toEqual(['data', 'hasMore', 'total'])
    const numberId = numbers.body.data[0].id
    const msgs = await h.api('GET', `/v1/numbers/${numberId}/messages`)
    expect(Object.keys(msgs.body).sort()).toEqual(['data', 'hasMore'])
    expect(msgs.body.data[0]).toEqual(expect.objectContaining({ from: expect.any(String), to: expect.any(String), receivedAt: expect.any(String) }))
    const voices = await h.api('GET', '/v1/agents/voices')
    expect(Object.keys(voices.body.data[0]).sort()).toEqual(['accent', 'gender', 'preview_audio_url', 'provider', 'voice_id', 'voice_name'])
    const daily = await h.api('GET', '/v1/usage/daily?days=7')
    expect(daily.body.days).toBe(7)
    expect(daily.body.data).toHaveLength(7)
    expect(daily.body.data.reduce((s: number, d: { calls: number }) => s + d.calls, 0)).toBe(3)
    expect((await h.api('GET', '/v1/usage/monthly')).body.months).toBe(6)
    expect((await h.api('GET', '/v1/usage')).body.numbers).toEqual({ used: 2, limit: 10, remaining: 8 })
  })

  it('calls list filters by status, direction and search, with paging', async () => {
    const h = await sim({ seed: true })
    const all = await h.api('GET', '/v1/calls')
    expect(all.body.total).toBe(3)
    expect((await h.api('GET', '/v1/calls?status=in-progress')).body.total).toBe(0)
    expect((await h.api('GET', '/v1/calls?direction=outbound')).body.total).toBe(0)
    const some = all.body.data[0].fromNumber as string
    expect((await h.api('GET', `/v1/calls?search=${encodeURIComponent(some.slice(-4))}`)).body.total).toBe(1)
    const paged = await h.api('GET', '/v1/calls?limit=2&offset=2')
    expect(paged.body).toMatchObject({ total: 3, hasMore: false })
    expect(paged.body.data).toHaveLength(1)
  })

  it('POST /v1/messages is snake_case, threads into a conversation and reaches the sandbox phone', async () => {
    const h = await sim()
    const { agent } = h.sim.ensureSandboxAccount(KEY)
    const sms: SmsEvent[] = []
    h.sim.on('sms', (e) => sms.push(e))
    const sent = await h.api('POST', '/v1/messages', { agent_id: agent.id, to_number: '(555) 010-4242', body: 'Hi!' })
    expect(sent.body).toMatchObject({ status: 'sent', channel: 'sms', to_number: '+15550104242', media_urls: [] })
    expect(sent.body.id).toMatch(/^msg_/)
    expect(sent.body.conversation_id).toMatch(/^conv_/)
    expect(sms).toEqual([expect.objectContaining({ id: sent.body.id, direction: 'outbound', to: '+15550104242', body: 'Hi!' })])
    expect((await h.api('POST', '/v1/messages', { to_number: '+15550104242' })).status).toBe(422)
    expect((await h.api('POST', '/v1/messages', { to_number: '+15550104242', body: 'x' })).status).toBe(400)

    const convId = sent.body.conversation_id
    const patched = await h.api('PATCH', `/v1/conversations/${convId}`, { metadata: { step: 1, name: 'A' } })
    expect(patched.body.metadata).toEqual({ step: 1, name: 'A' })
    const replaced = await h.api('PATCH', `/v1/conversations/${convId}`, { metadata: { step: 2 } })
    expect(replaced.body.metadata).toEqual({ step: 2 })
    const detail = await h.api('GET', `/v1/conversations/${convId}?message_limit=1`)
    expect(detail.body.messages).toHaveLength(1)
    expect(detail.body.messages[0]).toMatchObject({ body: 'Hi!', fromNumber: expect.any(String), toNumber: '+15550104242', direction: 'outbound' })
    expect(Object.keys((await h.api('GET', `/v1/conversations/${convId}/messages`)).body).sort()).toEqual(['data', 'hasMore'])
  })

  it('agents: create, patch, attach/detach a number, delete keeps the number', async () => {
    const h = await sim()
    const a = (await h.api('POST', '/v1/agents', { name: 'Bot', voiceMode: 'hosted', systemPrompt: 'Be nice.' })).body
    expect(a).toMatchObject({ name: 'Bot', voiceMode: 'hosted', modelTier: 'balanced', voice: 'custom_voice_ea22ba5fdfaa18f39c274851c1', numbers: [] })
    const n = (await h.api('POST', '/v1/numbers', {})).body
    expect((await h.api('POST', `/v1/agents/${a.id}/numbers`, { numberId: n.id })).body).toEqual({ agentId: a.id, number: { id: n.id, phoneNumber: n.phoneNumber, status: 'active', type: 'sms' } })
    const patched = (await h.api('PATCH', `/v1/agents/${a.id}`, { voiceMode: 'webhook' })).body
    expect(patched).toMatchObject({ voiceMode: 'webhook', systemPrompt: null })
    expect((await h.api('DELETE', `/v1/agents/${a.id}/numbers/${n.id}`)).body).toEqual({ success: true })
    expect((await h.api('DELETE', `/v1/agents/${a.id}`)).body).toEqual({ success: true, id: a.id, name: 'Bot' })
    expect((await h.api('GET', `/v1/numbers/${n.id}`)).body.status).toBe('active')
  })
})
