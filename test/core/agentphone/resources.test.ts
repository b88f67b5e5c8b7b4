import { afterEach, describe, expect, it } from 'vitest'
import { listAll } from '../../../src-main/core/agentphone/pager'
import type { FakeServer, Handler } from './fake-server'
import { clientFor, json, startServer } from './fake-server'

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function serve(handler: Handler) {
  const s = await startServer(handler)
  servers.push(s)
  return { server: s, client: clientFor(s).client }
}

const agent = (i: number) => ({ id: `agent_${i}`, name: `A${i}`, description: null, voiceMode: 'webhook', voice: 'v', createdAt: 't' })
const number = (i: number) => ({ id: `num_${i}`, phoneNumber: `+1415555000${i}`, country: 'US', status: 'active', agentId: null, createdAt: 't' })

describe('messages.send', () => {
  it('sends camelCase input as the snake_case body, with the number in E.164', async () => {
    const { server, client } = await serve((_req, res) =>
      json(res, 200, { id: 'msg_1', status: 'sent', channel: 'sms', from_number: '+15550001111', to_number: '+14155551234', conversation_id: 'conv_1' })
    )
    const sent = await client.messages.send({
      toNumber: '(415) 555-1234',
      body: 'Hello',
      agentId: 'agent_1',
      numberId: 'num_1',
      fromNumber: '+1 555 000 1111',
      mediaUrls: ['https://x.test/a.png']
    })
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({
      to_number: '+14155551234',
      body: 'Hello',
      agent_id: 'agent_1',
      number_id: 'num_1',
      from_number: '+15550001111',
      media_urls: ['https://x.test/a.png']
    })
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v1/messages' })
    expect(server.requests[0]?.headers['content-type']).toBe('application/json')
    expect(sent).toMatchObject({ id: 'msg_1', from_number: '+15550001111', to_number: '+14155551234', conversation_id: 'conv_1' })
  })

  it('leaves group ids and emails alone and omits selectors it was not given', async () => {
    const { server, client } = await serve((_req, res) => json(res, 200, { id: 'm', from_number: 'a', to_number: 'grp_9' }))
    await client.messages.send({ toNumber: 'grp_9', body: 'hi all', numberId: 'num_1' })
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ to_number: 'grp_9', body: 'hi all', number_id: 'num_1' })
  })
})

describe('list shapes', () => {
  it('agents: {data,total} without hasMore', async () => {
    const { server, client } = await serve((_req, res) => json(res, 200, { data: [agent(1)], total: 1 }))
    expect(await client.agents.list({ limit: 5, offset: 10 })).toMatchObject({ data: [{ id: 'agent_1' }], total: 1 })
    expect(server.requests[0]?.url).toBe('/v1/agents?limit=5&offset=10')
  })

  it('message lists: {data,hasMore} without total, the OAS `from_` read as `from`', async () => {
    const { server, client } = await serve((_req, res) =>
      json(res, 200, { data: [{ id: 'msg_1', from_: '+1', to: '+2', body: 'x', direction: 'inbound', receivedAt: 't' }], hasMore: true })
    )
    const page = await client.numbers.messages('num_1', { limit: 50, before: '2026-01-01T00:00:00Z' })
    expect(page).toMatchObject({ hasMore: true, data: [{ id: 'msg_1', from: '+1' }] })
    expect(server.requests[0]?.path).toBe('/v1/numbers/num_1/messages')
    expect(server.requests[0]?.query.get('before')).toBe('2026-01-01T00:00:00Z')
  })

  it('project deliveries: {items,total,offset,limit}, and the MCP {data,hasMore,total} variant read the same way', async () => {
    const oas = { items: [{ id: 'd1', eventType: 'agent.message', status: 'delivered', httpStatus: 200, attemptCount: 1, createdAt: 't' }], total: 9, offset: 5, limit: 1 }
    const mcp = { data: [{ id: 'd1', event: 'agent.message', statusCode: 200, success: true, deliveredAt: 't' }], hasMore: true, total: 9 }
    let n = 0
    const { server, client } = await serve((_req, res) => json(res, 200, n++ === 0 ? oas : mcp))
    const a = await client.webhooks.deliveries({ limit: 1, offset: 5, hours: 24 })
    const b = await client.webhooks.deliveries({ limit: 1, offset: 5 })
    for (const page of [a, b]) {
      expect(page).toMatchObject({ total: 9, offset: 5, limit: 1 })
      expect(page.items[0]).toMatchObject({ id: 'd1', eventType: 'agent.message', httpStatus: 200, status: 'delivered', createdAt: 't' })
    }
    expect(server.requests[0]?.url).toBe('/v1/webhooks/deliveries?limit=1&offset=5&hours=24')
  })

  it('agent deliveries: a bare array (or an envelope, read as an array)', async () => {
    let n = 0
    const { client } = await serve((_req, res) => json(res, 200, n++ === 0 ? [{ id: 'd1' }, { id: 'd2' }] : { data: [{ id: 'd3' }] }))
    expect((await client.agentWebhooks.deliveries('agent_1', { limit: 2 })).map((d) => d.id)).toEqual(['d1', 'd2'])
    expect((await client.agentWebhooks.deliveries('agent_1')).map((d) => d.id)).toEqual(['d3'])
  })
})

describe('listAll', () => {
  it('follows hasMore, advancing by the items actually returned', async () => {
    const { server, client } = await serve((req, res) => {
      const offset = Number(req.query.get('offset'))
      const data = offset === 0 ? [number(1), number(2)] : [number(3)]
      json(res, 200, { data, hasMore: offset === 0, total: 3 })
    })
    expect((await client.numbers.listAll({ pageSize: 3 })).map((n) => n.id)).toEqual(['num_1', 'num_2', 'num_3'])
    expect(server.requests.map((r) => r.query.get('offset'))).toEqual(['0', '2'])
  })

  it('stops on offset + items >= total for /v1/agents', async () => {
    const { server, client } = await serve((req, res) => {
      const offset = Number(req.query.get('offset'))
      json(res, 200, { data: offset < 4 ? [agent(offset + 1), agent(offset + 2)] : [agent(5)], total: 5 })
    })
    expect(await client.agents.listAll({ pageSize: 2 })).toHaveLength(5)
    expect(server.requests).toHaveLength(3)
  })

  it('stops on an empty page and at maxItems', async () => {
    const pages = [{ data: [1, 2], hasMore: true }, { data: [], hasMore: true }]
    let i = 0
    expect(await listAll(async () => pages[i++] ?? { data: [] })).toEqual([1, 2])
    expect(await listAll(async () => ({ data: [1, 2, 3], hasMore: true }), { maxItems: 7 })).toHaveLength(7)
  })
})

describe('endpoints', () => {
  it('calls.list sends its filters; conversations.get sends message_limit', async () => {
    const { server, client } = await serve((req, res) =>
      req.path === '/v1/calls' ? json(res, 200, { data: [], hasMore: false, total: 0 }) : json(res, 200, { id: 'conv_1', messages: [] })
    )
    await client.calls.list({ status: 'in-progress', direction: 'inbound', search: '415', limit: 20, offset: 0 })
    expect(Object.fromEntries(server.requests[0]?.query ?? [])).toEqual({ status: 'in-progress', direction: 'inbound', search: '415', limit: '20', offset: '0' })
    await client.conversations.get('conv_1', { messageLimit: 10 })
    expect(server.requests[1]?.url).toBe('/v1/conversations/conv_1?message_limit=10')
  })

  it('calls.get keeps the transcripts; calls.transcript normalises either documented shape', async () => {
    const detail = { id: 'call_1', status: 'completed', transcripts: [{ id: 't1', transcript: 'Hi', response: 'Hello!', createdAt: 'a' }] }
    const rest = { callId: 'call_1', transcript: [{ role: 'user', content: 'Hi', createdAt: 'a' }, { role: 'agent', content: 'Hello!', createdAt: 'b' }] }
    const { client } = await serve((req, res) => json(res, 200, req.path.endsWith('/transcript') ? rest : detail))
    expect((await client.calls.get('call_1')).transcripts).toHaveLength(1)
    expect((await client.calls.transcript('call_1')).map((t) => [t.speaker, t.text])).toEqual([
      ['caller', 'Hi'],
      ['agent', 'Hello!']
    ])
  })

  it('recordingAvailable: HEAD without auth, 200 → true, 404 → false, HEAD refused → GET', async () => {
    const { server, client } = await serve((req, res) => {
      if (req.path.includes('call_405') && req.method === 'HEAD') return json(res, 405, {})
      res.writeHead(req.path.includes('call_none') ? 404 : 200, { 'content-type': 'audio/wav' })
      res.end(req.method === 'HEAD' ? undefined : 'RIFF....')
    })
    expect(await client.calls.recordingAvailable('call_yes')).toBe(true)
    expect(await client.calls.recordingAvailable('call_none')).toBe(false)
    expect(await client.calls.recordingAvailable('call_405')).toBe(true)
    expect(server.requests.map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD', 'GET'])
    expect(server.requests.every((r) => r.headers.authorization === undefined)).toBe(true)
  })

  it('webhooks: get → null when unset; test reads both result shapes', async () => {
    const answers = [null, { success: true, httpStatus: 200, errorMessage: null }, { success: false, statusCode: 500, error: 'boom', responseMs: 12 }]
    let n = 0
    const { server, client } = await serve((_req, res) => json(res, 200, answers[n++]))
    expect(await client.webhooks.get()).toBeNull()
    expect(await client.webhooks.test('agent_1')).toEqual({ success: true, httpStatus: 200, errorMessage: null, responseMs: null })
    expect(await client.agentWebhooks.test('agent_1')).toEqual({ success: false, httpStatus: 500, errorMessage: 'boom', responseMs: 12 })
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /v1/webhooks', 'POST /v1/webhooks/test?agentId=agent_1', 'POST /v1/agents/agent_1/webhook/test'])
  })

  it('calls.place sends camelCase with the number normalised; agents.attachNumber sends {numberId}', async () => {
    const { server, client } = await serve((req, res) =>
      req.path === '/v1/calls'
        ? json(res, 200, { id: 'call_1', agentId: 'agent_1', toNumber: '+14155551234', status: 'in-progress', startedAt: 't' })
        : json(res, 200, { agentId: 'agent_1', number: { id: 'num_1', phoneNumber: '+1' } })
    )
    await client.calls.place({ agentId: 'agent_1', toNumber: '415.555.1234', initialGreeting: '' })
    expect(JSON.parse(server.requests[0]?.body ?? '')).toEqual({ agentId: 'agent_1', toNumber: '+14155551234', initialGreeting: '' })
    await client.agents.attachNumber('agent_1', 'num_1')
    expect(server.requests[1]).toMatchObject({ method: 'POST', path: '/v1/agents/agent_1/numbers', body: '{"numberId":"num_1"}' })
  })
})
