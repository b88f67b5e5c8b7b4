import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../../src-main/core/agentphone/errors'
import type { FakeServer } from './fake-server'
import { API_KEY, caught, clientFor, json, startServer } from './fake-server'

const servers: FakeServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()))
})
async function serve(handler: Parameters<typeof startServer>[0]) {
  const s = await startServer(handler)
  servers.push(s)
  return s
}

const agent = { id: 'agent_1', name: 'Front desk', description: null, voiceMode: 'webhook', voice: 'v1', createdAt: '2026-01-01T00:00:00Z' }
const call = { id: 'call_1', agentId: 'agent_1', fromNumber: '+15550001111', toNumber: '+14155551234', status: 'in-progress', startedAt: 'now' }

describe('requests', () => {
  it('sends the bearer token to /v1 paths on a base URL with its trailing slash dropped', async () => {
    const server = await serve((_req, res) => json(res, 200, agent))
    const { client } = clientFor(server)
    const got = await client.agents.get('agent 1/x')
    expect(got.name).toBe('Front desk')
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${API_KEY}`)
    expect(server.requests[0]?.url).toBe('/v1/agents/agent%201%2Fx')
  })
})

describe('retries', () => {
  it('retries a GET after 503 and returns the later success', async () => {
    const server = await serve((_req, res, n) => (n < 3 ? json(res, 503, { detail: 'busy' }) : json(res, 200, agent)))
    const { client, sleeps } = clientFor(server)
    await expect(client.agents.get('agent_1')).resolves.toMatchObject({ id: 'agent_1' })
    expect(server.requests).toHaveLength(3)
    // Exponential with equal jitter at random()=0.5: 500 → 375, 1000 → 750.
    expect(sleeps).toEqual([375, 750])
  })

  it('gives up after maxRetries and reports the last error', async () => {
    const server = await serve((_req, res) => json(res, 502, { detail: 'upstream down' }))
    const { client } = clientFor(server, { maxRetries: 1 })
    const err = await caught(() => client.calls.list())
    expect(server.requests).toHaveLength(2)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 502, code: 'server_error', message: 'upstream down', method: 'GET', path: '/v1/calls' })
  })

  it('waits what Retry-After says, in seconds or as an HTTP date', async () => {
    const date = new Date(Date.now() + 3000).toUTCString()
    const server = await serve((_req, res, n) => {
      if (n === 1) return json(res, 429, { detail: 'slow down' }, { 'retry-after': '2' })
      if (n === 2) return json(res, 503, { detail: 'later' }, { 'retry-after': date })
      json(res, 200, { data: [], hasMore: false, total: 0 })
    })
    const { client, sleeps } = clientFor(server)
    await client.numbers.list()
    expect(sleeps[0]).toBe(2000)
    expect(sleeps[1]).toBeGreaterThanOrEqual(2000)
    expect(sleeps[1]).toBeLessThanOrEqual(3000)
  })

  it('does not wait out a Retry-After longer than the cap: the error carries it instead', async () => {
    const server = await serve((_req, res) => json(res, 429, { detail: 'quota' }, { 'retry-after': '3600' }))
    const { client, sleeps } = clientFor(server)
    const err = await caught(() => client.usage.get())
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
    expect(err).toMatchObject({ status: 429, code: 'rate_limited', retryAfterSeconds: 3600 })
  })

  it.each([
    ['POST /v1/calls', (c: ReturnType<typeof clientFor>['client']) => c.calls.place({ agentId: 'agent_1', toNumber: '4155551234' })],
    ['POST /v1/messages', (c: ReturnType<typeof clientFor>['client']) => c.messages.send({ toNumber: '4155551234', body: 'hi', agentId: 'agent_1' })]
  ])('never retries %s, even on 503 or a network error', async (_name, send) => {
    const server = await serve((_req, res) => json(res, 503, { detail: 'busy' }))
    const { client, sleeps } = clientFor(server)
    const err = await caught(() => send(client))
    expect(err).toMatchObject({ status: 503 })
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('does not retry a 4xx', async () => {
    const server = await serve((_req, res) => json(res, 404, { detail: 'Agent not found' }))
    const { client } = clientFor(server)
    const err = await caught(() => client.agents.get('nope'))
    expect(server.requests).toHaveLength(1)
    expect(err).toMatchObject({ status: 404, code: 'not_found', message: 'Agent not found' })
  })

  it('retries DELETE and upserts marked idempotent, but not a plain POST', async () => {
    const server = await serve((req, res, n) => {
      if (n % 2 === 1) return json(res, 500, { detail: 'oops' })
      if (req.method === 'DELETE') return json(res, 200, { success: true })
      json(res, 200, { id: 'wh_1', url: 'https://x.test/h', secret: 'whsec_1' })
    })
    const { client } = clientFor(server)
    await client.webhooks.delete()
    await client.webhooks.set({ url: 'https://x.test/h' })
    expect(server.requests.map((r) => r.method)).toEqual(['DELETE', 'DELETE', 'POST', 'POST'])
    await expect(client.numbers.buy({ areaCode: '415' })).rejects.toMatchObject({ status: 500 })
    expect(server.requests).toHaveLength(5)
  })

  it('retries network errors on GET and reports network_error with status 0', async () => {
    const server = await serve((_req, res) => json(res, 200, {}))
    const url = server.url
    await server.close()
    servers.splice(0)
    const { client, sleeps } = clientFor({ url, requests: [], close: async () => {} })
    const err = await caught(() => client.agents.list())
    expect(sleeps).toHaveLength(2)
    expect(err).toMatchObject({ status: 0, code: 'network_error' })
    expect((err as Error).message).toMatch(/Could not reach AgentPhone at 127\.0\.0\.1:\d+: ECONNREFUSED/)
  })
})

describe('timeouts and cancellation', () => {
  it('times out a server that never answers', async () => {
    const server = await serve(() => undefined)
    const { client, sleeps } = clientFor(server, { timeoutMs: 100, maxRetries: 1 })
    const started = Date.now()
    const err = await caught(() => client.agents.get('agent_1'))
    expect(err).toMatchObject({ status: 0, code: 'timeout', method: 'GET', path: '/v1/agents/agent_1' })
    expect((err as Error).message).toBe('AgentPhone did not answer GET /v1/agents/agent_1 within 100 ms')
    expect(server.requests).toHaveLength(2)
    expect(sleeps).toHaveLength(1)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('cancels an in-flight request through its AbortSignal, without retrying', async () => {
    const server = await serve(() => undefined)
    const { client, sleeps } = clientFor(server)
    const controller = new AbortController()
    setTimeout(() => controller.abort(), 50)
    const err = await caught(() => client.calls.get('call_1', {}, { signal: controller.signal }))
    expect(err).toMatchObject({ status: 0, code: 'aborted' })
    expect(server.requests).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

  it('refuses at once with an already-aborted signal', async () => {
    const server = await serve((_req, res) => json(res, 200, call))
    const { client } = clientFor(server)
    const err = await caught(() => client.calls.get('call_1', {}, { signal: AbortSignal.abort() }))
    expect(err).toMatchObject({ code: 'aborted' })
    expect(server.requests).toHaveLength(0)
  })

  it('stops waiting between retries when cancelled', async () => {
    const server = await serve((_req, res) => json(res, 503, {}))
    const controller = new AbortController()
    const { client } = clientFor(server, {
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('aborted')))
          controller.abort()
        })
    })
    const err = await caught(() => client.usage.get({ signal: controller.signal }))
    expect(err).toMatchObject({ code: 'aborted' })
    expect(server.requests).toHaveLength(1)
  })
})
