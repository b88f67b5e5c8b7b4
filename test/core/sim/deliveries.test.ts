import { afterEach, describe, expect, it } from 'vitest'
import { verify } from '../../../src-main/core/receiver/signature'
import { KEY, startHook, startSim, waitFor } from './helpers'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

async function setup(status: number) {
  const hook = await startHook((_hit, res) => res.writeHead(status).end(status >= 400 ? 'nope' : ''))
  const h = await startSim()
  cleanup.push(() => h.sim.stop(), () => hook.close())
  const { agent, number } = h.sim.ensureSandboxAccount(KEY)
  const wh = await h.api('POST', '/v1/webhooks', { url: hook.url })
  return { h, hook, agent, number, secret: wh.body.secret as string }
}

describe('webhook delivery', () => {
  it('an inbound SMS is a signed agent.message/sms delivery threaded into a conversation', async () => {
    const { h, hook, number, agent, secret } = await setup(200)
    const { messageId } = h.sim.sandbox.sms(KEY, { to: number.phoneNumber, from: '+15550100888', body: 'hello there' })
    const hit = await waitFor(() => hook.hits[0])
    const ts = hit.headers['x-webhook-timestamp'] as string
    expect(verify([secret], { signature: hit.headers['x-webhook-signature'] as string, timestamp: ts }, hit.raw, Date.now()).ok).toBe(true)
    expect(hit.json).toMatchObject({ event: 'agent.message', channel: 'sms', agentId: agent.id, conversationState: null, recentHistory: [] })
    expect(hit.json.data).toMatchObject({ messageId, numberId: number.id, from: '+15550100888', to: number.phoneNumber, message: 'hello there', direction: 'inbound' })
    const convs = await h.api('GET', '/v1/conversations')
    expect(convs.body).toMatchObject({ total: 1, hasMore: false })
    expect(convs.body.data[0]).toMatchObject({ participant: '+15550100888', lastMessagePreview: 'hello there', messageCount: 1 })
  })

  it('retries a 500 up to 6 attempts, always with the same X-Webhook-ID', async () => {
    const { h, hook, number } = await setup(500)
    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, body: 'retry me' })
    await waitFor(() => hook.hits.length >= 6, 4000)
    await new Promise((r) => setTimeout(r, 150))
    expect(hook.hits).toHaveLength(6)
    expect(new Set(hook.hits.map((x) => x.headers['x-webhook-id'])).size).toBe(1)
    expect(new Set(hook.hits.map((x) => x.raw.toString('utf8'))).size).toBe(1)
    const list = await h.api('GET', '/v1/webhooks/deliveries')
    expect(list.body).toMatchObject({ total: 1, offset: 0, limit: 50 })
    expect(list.body.items[0]).toMatchObject({ id: hook.hits[0]!.headers['x-webhook-id'], status: 'failed', attemptCount: 6, httpStatus: 500, nextRetryAt: null })
  })

  it('does not retry a 400', async () => {
    const { h, hook, number } = await setup(400)
    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, body: 'no retry' })
    await waitFor(() => hook.hits.length >= 1)
    await new Promise((r) => setTimeout(r, 200))
    expect(hook.hits).toHaveLength(1)
    const list = await h.api('GET', '/v1/webhooks/deliveries')
    expect(list.body.items[0]).toMatchObject({ status: 'failed', attemptCount: 1, httpStatus: 400, responseBody: 'nope' })
  })

  it('retries after a timeout and records the delivery once it succeeds', async () => {
    const hook = await startHook((_hit, res) => {
      if (hook.hits.length > 1) res.writeHead(204).end()
      // the first attempt is left hanging until the simulator gives up on it
    })
    const h = await startSim({ webhookTimeoutMs: 100 })
    cleanup.push(() => h.sim.stop(), () => hook.close())
    const { number } = h.sim.ensureSandboxAccount(KEY)
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, body: 'slow' })
    await waitFor(() => hook.hits.length >= 2)
    const rec = await (async () => {
      for (let i = 0; i < 100; i++) {
        const r = (await h.api('GET', '/v1/webhooks/deliveries')).body.items[0]
        if (r.status === 'delivered') return r
        await new Promise((res) => setTimeout(res, 10))
      }
      return null
    })()
    expect(rec).toMatchObject({ status: 'delivered', attemptCount: 2, httpStatus: 204 })
    expect(hook.hits[0]!.headers['x-webhook-id']).toBe(hook.hits[1]!.headers['x-webhook-id'])
  })

  it("an agent's own webhook wins over the project webhook, never both", async () => {
    const { h, hook, agent, number } = await setup(200)
    const own = await startHook()
    cleanup.push(() => own.close())
    const agentWh = await h.api('POST', `/v1/agents/${agent.id}/webhook`, { url: own.url })
    expect(agentWh.body.secret).toMatch(/^whsec_/)
    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, body: 'to whom?' })
    await waitFor(() => own.hits[0])
    await new Promise((r) => setTimeout(r, 100))
    expect(hook.hits).toHaveLength(0)
    expect(verify([agentWh.body.secret], { signature: own.hits[0]!.headers['x-webhook-signature'] as string, timestamp: own.hits[0]!.headers['x-webhook-timestamp'] as string }, own.hits[0]!.raw, Date.now()).ok).toBe(true)
    const agentList = await h.api('GET', `/v1/agents/${agent.id}/webhook/deliveries`)
    expect(Array.isArray(agentList.body)).toBe(true)
    expect(agentList.body).toHaveLength(1)
    // Deleting it sends events back to the project webhook.
    expect((await h.api('DELETE', `/v1/agents/${agent.id}/webhook`)).body).toEqual({ success: true })
    expect((await h.api('GET', `/v1/agents/${agent.id}/webhook`)).body).toBeNull()
    h.sim.sandbox.sms(KEY, { to: number.phoneNumber, body: 'again' })
    await waitFor(() => hook.hits[0])
    expect(own.hits).toHaveLength(1)
  })

  it('POST /v1/webhooks/test sends a signed sample SMS delivery and reports the outcome', async () => {
    const { h, hook, secret } = await setup(200)
    const ok = await h.api('POST', '/v1/webhooks/test')
    // The documented fields, and the names the vendor's MCP client reads alongside (§9.8).
    expect(ok.body).toEqual({ success: true, httpStatus: 200, errorMessage: null, statusCode: 200, responseMs: expect.any(Number), error: null })
    const hit = hook.hits[0]!
    expect(hit.json).toMatchObject({ event: 'agent.message', channel: 'sms', conversationState: { testMode: true } })
    expect(verify([secret], { signature: hit.headers['x-webhook-signature'] as string, timestamp: hit.headers['x-webhook-timestamp'] as string }, hit.raw, Date.now()).ok).toBe(true)
    hook.setHandler((_hit, res) => res.writeHead(503).end())
    const bad = await h.api('POST', '/v1/webhooks/test')
    expect(bad.body).toEqual({ success: false, httpStatus: 503, errorMessage: 'HTTP 503', statusCode: 503, responseMs: expect.any(Number), error: 'HTTP 503' })
    const stats = await h.api('GET', '/v1/webhooks/deliveries/stats')
    expect(stats.body).toMatchObject({ total: 2, success: 1, failed: 1, pending: 0, successRate: 50 })
  })

  it('no project webhook: GET answers null and test answers 404', async () => {
    const h = await startSim()
    cleanup.push(() => h.sim.stop())
    expect((await h.api('GET', '/v1/webhooks')).body).toBeNull()
    expect((await h.api('POST', '/v1/webhooks/test')).status).toBe(404)
    expect((await h.api('POST', '/v1/webhooks', { url: 'ftp://x' })).status).toBe(422)
  })
})
