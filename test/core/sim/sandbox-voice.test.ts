import { afterEach, describe, expect, it } from 'vitest'
import { verify } from '../../../src-main/core/receiver/signature'
import type { HeardEvent } from '../../../src-main/core/sim/types'
import type { Hit, SimHandle } from './helpers'
import { KEY, ndjson, startHook, startSim, waitFor } from './helpers'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

async function setup(handler?: Parameters<typeof startHook>[0]) {
  const hook = await startHook(handler)
  const h = await startSim({ webhookTimeoutMs: 1500 })
  cleanup.push(() => h.sim.stop(), () => hook.close())
  const { agent, number } = h.sim.ensureSandboxAccount(KEY)
  const wh = await h.api('POST', '/v1/webhooks', { url: hook.url, contextLimit: 2 })
  const heard: HeardEvent[] = []
  h.sim.on('heard', (e) => heard.push(e))
  return { h, hook, agent, number, secret: wh.body.secret as string, heard }
}

const voiceHits = (hits: Hit[]): Hit[] => hits.filter((x) => x.json.event === 'agent.message' && x.json.channel === 'voice')

describe('sandbox voice path', () => {
  it('ensureSandboxAccount creates one webhook-mode agent with one number, once', async () => {
    const h: SimHandle = await startSim()
    cleanup.push(() => h.sim.stop())
    const first = h.sim.ensureSandboxAccount(KEY)
    const again = h.sim.ensureSandboxAccount(KEY)
    expect(first.agent.name).toBe('Sandbox Agent')
    expect(first.agent.voiceMode).toBe('webhook')
    expect(first.agent.id).toMatch(/^agent_/)
    expect(first.number.phoneNumber).toMatch(/^\+1\d{3}55501\d\d$/)
    expect(again.agent.id).toBe(first.agent.id)
    expect(again.number.id).toBe(first.number.id)
    const list = await h.api('GET', '/v1/agents')
    expect(list.body.total).toBe(1)
    expect(list.body.data[0].numbers).toEqual([{ id: first.number.id, phoneNumber: first.number.phoneNumber, status: 'active', type: 'sms' }])
  })

  it('POST /v1/webhooks upserts and answers a new whsec_ secret every time', async () => {
    const { h, secret } = await setup()
    const again = await h.api('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/x', timeout: 10 })
    expect(secret).toMatch(/^whsec_/)
    expect(again.body.secret).toMatch(/^whsec_/)
    expect(again.body.secret).not.toBe(secret)
    expect(again.body).toMatchObject({ url: 'http://127.0.0.1:9/x', status: 'active', contextLimit: 10, timeout: 10 })
    expect((await h.api('GET', '/v1/webhooks')).body.id).toBe(again.body.id)
  })

  it('say posts a signed voice delivery that verifies, and a JSON answer is heard', async () => {
    const { h, hook, number, secret, heard } = await setup((_hit, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ text: 'Hello caller' }))
    })
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber, from: '+15550100999' })
    await h.sim.sandbox.say(KEY, callId, 'I need help')
    const [hit] = voiceHits(hook.hits)
    expect(hit).toBeDefined()
    const headers = { signature: hit!.headers['x-webhook-signature'] as string, timestamp: hit!.headers['x-webhook-timestamp'] as string }
    expect(verify([secret], headers, hit!.raw, Date.now())).toEqual({ ok: true, secretIndex: 0 })
    expect(verify(['whsec_wrong'], headers, hit!.raw, Date.now()).ok).toBe(false)
    expect(hit!.headers['x-webhook-event']).toBe('agent.message')
    expect(hit!.headers['x-webhook-id']).toMatch(/^whd_/)
    expect(hit!.headers['content-type']).toBe('application/json')
    expect(hit!.json.data).toEqual({
      callId,
      numberId: number.id,
      from: '+15550100999',
      to: number.phoneNumber,
      status: 'in-progress',
      transcript: 'I need help',
      confidence: 0.95,
      direction: 'inbound'
    })
    expect(heard).toEqual([{ callId, text: 'Hello caller', interim: false }])
    const detail = await h.api('GET', `/v1/calls/${callId}`)
    expect(detail.body.transcripts).toMatchObject([{ transcript: 'I need help', response: 'Hello caller' }])
  })

  it('reads NDJSON line by line: interim lines first, the first final line ends the turn, non-objects ignored', async () => {
    const { h, number, heard } = await setup((_hit, res) => {
      ndjson(res, ['{"text":"One moment","interim":true}', '"a bare string"', '[1,2]', 'not json', '42', '{"text":"Here you go","press_digit":"5"}', '{"text":"never spoken"}'])
    })
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'question')
    expect(heard).toEqual([
      { callId, text: 'One moment', interim: true },
      { callId, text: 'Here you go', interim: false, digits: '5' }
    ])
  })

  it('digits wins over the press_digit and dtmf aliases; dtmf alone works', async () => {
    let reply = '{"digits":"1","press_digit":"2","dtmf":"3"}'
    const { h, number, heard } = await setup((_hit, res) => ndjson(res, [reply]))
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'menu')
    reply = '{"dtmf":"9#"}'
    await h.sim.sandbox.say(KEY, callId, 'menu again')
    expect(heard.map((e) => e.digits)).toEqual(['1', '9#'])
  })

  it('recentHistory carries the last contextLimit turns before the utterance', async () => {
    const { h, hook, number } = await setup((_hit, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"text":"ok"}'))
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'first')
    await h.sim.sandbox.say(KEY, callId, 'second')
    const last = voiceHits(hook.hits).at(-1)!
    expect(last.json.recentHistory).toEqual([
      expect.objectContaining({ content: 'first', direction: 'inbound', channel: 'voice' }),
      expect.objectContaining({ content: 'ok', direction: 'outbound', channel: 'voice' })
    ])
  })

  it('hangup speaks, ends the call and delivers agent.call_ended with the full transcript', async () => {
    const { h, hook, number, heard } = await setup((hit, res) => {
      if (hit.json.event === 'agent.message') ndjson(res, ['{"text":"Bye now","action":"hangup"}'])
      else res.writeHead(200).end()
    })
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'that is all')
    expect(heard).toEqual([{ callId, text: 'Bye now', interim: false, hangup: true, action: 'hangup' }])
    const ended = await waitFor(() => hook.hits.find((x) => x.json.event === 'agent.call_ended'))
    expect(ended.headers['x-webhook-event']).toBe('agent.call_ended')
    expect(ended.json.data).toMatchObject({
      callId,
      status: 'completed',
      disconnectionReason: 'agent_hangup',
      transcript: [
        { role: 'user', content: 'that is all' },
        { role: 'agent', content: 'Bye now' }
      ]
    })
    expect(typeof (ended.json.data as Record<string, unknown>).durationSeconds).toBe('number')
    expect((await h.api('GET', `/v1/calls/${callId}`)).body.status).toBe('completed')
    await expect(h.sim.sandbox.say(KEY, callId, 'hello?')).rejects.toThrow(/not in progress/)
  })

  it('the caller hanging up ends the call with user_hangup', async () => {
    const { h, hook, number } = await setup()
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    h.sim.sandbox.hangup(KEY, callId)
    const ended = await waitFor(() => hook.hits.find((x) => x.json.event === 'agent.call_ended'))
    expect(ended.json.data).toMatchObject({ callId, disconnectionReason: 'user_hangup', transcript: [] })
  })

  it('no answer within the webhook timeout means silence, and the turn still resolves', async () => {
    const { h, number, heard } = await setup(() => {
      // never answers
    })
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    const started = Date.now()
    await h.sim.sandbox.say(KEY, callId, 'anyone there?')
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400)
    expect(heard).toEqual([])
    const deliveries = await h.api('GET', '/v1/webhooks/deliveries')
    expect(deliveries.body.items[0]).toMatchObject({ eventType: 'agent.message', channel: 'voice', status: 'failed', attemptCount: 1 })
  })

  it('a stream ending with only interim lines closes the turn after the last one', async () => {
    const { h, number, heard } = await setup((_hit, res) => ndjson(res, ['{"text":"Thinking","interim":true}', '{"text":"Still thinking","interim":true}']))
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'hard question')
    expect(heard.map((e) => [e.text, e.interim])).toEqual([
      ['Thinking', true],
      ['Still thinking', true]
    ])
  })

  it('transfer ends the call when the agent has a transferNumber', async () => {
    const { h, number, agent, heard } = await setup((hit, res) => {
      if (hit.json.event === 'agent.message') ndjson(res, ['{"text":"Transferring you","action":"transfer"}'])
      else res.writeHead(200).end()
    })
    await h.api('PATCH', `/v1/agents/${agent.id}`, { transferNumber: '+15550100777' })
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'a human please')
    expect(heard).toEqual([{ callId, text: 'Transferring you', interim: false, action: 'transfer' }])
    const call = await h.api('GET', `/v1/calls/${callId}`)
    expect(call.body).toMatchObject({ status: 'completed', disconnectionReason: 'call_transfer' })
  })
})
