/**
 * What agentphone-api.md §9 adds that the SDK does not type, driven by plain HTTP against the
 * simulator — long-poll, waitForCompletion, the snake_case 422, the named SSE events with their
 * heartbeat, the recording, message and reaction payloads, the other names the vendor's MCP client
 * reads — and where it matters, read back through our client too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readWav } from '../core/sim/wav'
import type { Env } from './harness'
import { API_KEY, startEnv } from './harness'

let env: Env
let agentId = ''
let numberId = ''
let phoneNumber = ''

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function http(method: string, path: string, body?: unknown): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${env.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const text = await res.text()
  return { status: res.status, json: text ? JSON.parse(text) : null, headers: res.headers }
}

beforeAll(async () => {
  env = await startEnv({ calleePaceMs: 5, sseHeartbeatMs: 30 })
  agentId = (await http('POST', '/v1/agents', { name: 'Section Nine', voiceMode: 'hosted', systemPrompt: 'Be brief.' })).json.id
  const number = (await http('POST', '/v1/numbers', { agentId })).json
  numberId = number.id
  phoneNumber = number.phoneNumber
  const webhook = (await http('POST', '/v1/webhooks', { url: env.receiver.url })).json
  env.receiver.secrets = [webhook.secret]
})
afterAll(() => env.stop())

describe('§9 by plain HTTP', () => {
  it('§9.4 a snake_case call body is a 422 naming agentId and toNumber', async () => {
    const res = await http('POST', '/v1/calls', { agent_id: agentId, to_number: '+14155550142' })
    expect(res.status).toBe(422)
    expect(res.json.detail.map((d: { loc: string[]; type: string }) => [d.loc.join('.'), d.type])).toEqual([
      ['body.agentId', 'missing'],
      ['body.toNumber', 'missing']
    ])
  })

  it('§9.4 waitForCompletion answers the ended call with transcript pairs; its recording is a WAV as long as the call', async () => {
    const res = await http('POST', '/v1/calls', { agentId, toNumber: '+14155550143', waitForCompletion: true, maxWaitSeconds: 30 })
    expect(res.json).toMatchObject({ status: 'completed', recordingAvailable: true, direction: 'outbound' })
    for (const t of res.json.transcripts) expect(Object.keys(t).sort()).toEqual(['confidence', 'createdAt', 'id', 'response', 'transcript'])
    const audio = await fetch(res.json.recordingUrl)
    expect(audio.headers.get('content-type')).toBe('audio/wav')
    const wav = readWav(Buffer.from(await audio.arrayBuffer()))
    expect(wav.seconds).toBe(Math.max(1, res.json.durationSeconds))

    // Our client: the same recording's bytes, and the transcript read both ways.
    const ours = env.ours()
    const rec = await ours.calls.recording(res.json.id)
    expect(rec?.bytes.length).toBe(44 + wav.dataBytes)
    const detail = await ours.calls.get(res.json.id)
    expect(detail.turns.filter((t) => t.speaker === 'caller').map((t) => t.text)).toEqual(res.json.transcripts.map((t: { transcript: string }) => t.transcript))
  })

  it('§9.4 GET ?wait=true holds until the call ends; the stream sends connected, turns, heartbeats, ended', async () => {
    const { callId } = env.sim.sandbox.dial(API_KEY, { to: phoneNumber, from: '+14155550144' })
    const stream = await fetch(`${env.url}/v1/calls/${callId}/transcript/stream`, { headers: { Authorization: `Bearer ${API_KEY}`, Accept: 'text/event-stream' } })
    const held = http('GET', `/v1/calls/${callId}?wait=true&timeout=60`)
    let settled = false
    void held.then(() => (settled = true))
    await env.sim.sandbox.say(API_KEY, callId, 'Still there?')
    const reader = stream.body!.getReader()
    let text = ''
    while (!text.includes(': heartbeat')) text += new TextDecoder().decode((await reader.read()).value)
    expect(settled).toBe(false)
    env.sim.sandbox.hangup(API_KEY, callId)
    expect((await held).json).toMatchObject({ id: callId, status: 'completed', disconnectionReason: 'user_hangup' })
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += new TextDecoder().decode(chunk.value)
    expect([...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])).toEqual(['connected', 'turn', 'turn', 'ended'])
    const connected = JSON.parse(/event: connected\ndata: (.*)/.exec(text)![1]!)
    expect(Object.keys(connected).sort()).toEqual(['agentId', 'agentName', 'callId', 'direction', 'fromNumber', 'startedAt', 'status', 'toNumber'])
    const turn = JSON.parse(/event: turn\ndata: (.*)/.exec(text)![1]!)
    expect(turn).toMatchObject({ role: 'user', content: 'Still there?', createdAt: expect.any(String) })
    expect(JSON.parse(/event: ended\ndata: (.*)/.exec(text)![1]!)).toMatchObject({ callId, status: 'completed', durationSeconds: expect.any(Number), endedAt: expect.any(String) })
  })

  it('§9.5/§9.6 messages: MMS with number_id, a threaded reply by from_number; inbound data with messageId, contact, mediaUrls; a signed agent.reaction', async () => {
    await http('POST', '/v1/contacts', { phoneNumber: '+14155550145', name: 'Grace' })
    const mms = (await http('POST', '/v1/messages', { number_id: numberId, to_number: '+14155550145', body: '', media_urls: ['https://example.com/a.png', 'https://example.com/b.png'] })).json
    expect(Object.keys(mms).sort()).toEqual(['channel', 'conversation_id', 'from_number', 'id', 'media_urls', 'reply_parent_unresolved', 'reply_to_message_id', 'status', 'to_number'])
    expect(mms).toMatchObject({ channel: 'mms', media_urls: ['https://example.com/a.png', 'https://example.com/b.png'] })
    const reply = (await http('POST', '/v1/messages', { from_number: phoneNumber, to_number: '+14155550145', body: 'Both attached.', reply_to_message_id: mms.id })).json
    expect(reply).toMatchObject({ reply_to_message_id: mms.id, reply_parent_unresolved: false })

    env.sim.sandbox.sms(API_KEY, { to: phoneNumber, from: '+14155550145', body: 'Got them', mediaUrls: ['https://example.com/thumbs.png'] })
    env.sim.sandbox.react(API_KEY, { messageId: mms.id, reaction: 'like' })
    await expect.poll(() => env.receiver.deliveries.filter((d) => d.event === 'agent.reaction').length).toBe(1)
    const inbound = env.receiver.deliveries.find((d) => d.event === 'agent.message' && (d.body.data as { message?: string }).message === 'Got them')!
    expect(inbound.check.ok).toBe(true)
    expect(Object.keys(inbound.body.data as object).sort()).toEqual(['contact', 'conversationId', 'direction', 'from', 'mediaUrl', 'mediaUrls', 'message', 'messageId', 'numberId', 'receivedAt', 'to'])
    expect(inbound.body.data).toMatchObject({ contact: { name: 'Grace', phoneNumber: '+14155550145' }, mediaUrls: ['https://example.com/thumbs.png'] })
    const reaction = env.receiver.deliveries.find((d) => d.event === 'agent.reaction')!
    expect(reaction.check.ok).toBe(true)
    expect(Object.keys(reaction.body.data as object).sort()).toEqual(['conversationId', 'createdAt', 'direction', 'fromNumber', 'messageBody', 'messageId', 'messageMediaUrl', 'messageMediaUrls', 'numberId', 'reactionType'])
  })

  it('§9.2/§9.8 plan.limits, voiceMinutes beside webhooks, and the MCP client’s delivery and test names beside the documented ones', async () => {
    const usage = (await http('GET', '/v1/usage')).json
    expect(Object.keys(usage.plan.limits).sort()).toEqual(['concurrentCalls', 'maxCallDurationMinutes', 'messagesPerMonth', 'numbers', 'voiceMinutesPerMonth'])
    const day = (await http('GET', '/v1/usage/daily?days=1')).json.data[0]
    expect(Object.keys(day).sort()).toEqual(['calls', 'date', 'messages', 'voiceMinutes', 'webhooks'])
    const test = (await http('POST', '/v1/webhooks/test')).json
    expect(test).toMatchObject({ success: true, httpStatus: 200, errorMessage: null, statusCode: 200, error: null, responseMs: expect.any(Number) })
    const list = (await http('GET', '/v1/webhooks/deliveries?limit=2')).json
    expect(list).toMatchObject({ limit: 2, offset: 0, hasMore: true })
    expect(list.data).toEqual(list.items)
    const agentList = (await http('GET', `/v1/agents/${agentId}/webhook/deliveries`)).json
    expect(Array.isArray(agentList)).toBe(true)
  })
})
