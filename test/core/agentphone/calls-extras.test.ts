/**
 * Our client's section-9 additions against a recording stand-in server: both transcript shapes on
 * a call, the long-poll (and its fallback for a server that ignores `wait`), placeAndWait,
 * recordings, contacts, and the live default host.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { AgentPhoneClient, DEFAULT_BASE_URL } from '../../../src-main/core/agentphone/client'
import { foldToPairs } from '../../../src-main/core/agentphone/transcript-turn'
import type { FakeServer } from './fake-server'
import { caught, clientFor, json, startServer } from './fake-server'

let server: FakeServer | null = null
afterEach(async () => {
  await server?.close()
  server = null
})

const CALL = { id: 'call_1', agentId: 'agent_1', fromNumber: '+14155550100', toNumber: '+14155550142', direction: 'outbound', startedAt: '2026-12-01T10:00:00Z' }

describe('AgentPhoneClient, section 9', () => {
  it('defaults to the vendor’s current host', () => {
    expect(DEFAULT_BASE_URL).toBe('https://api.agentphone.ai')
    expect(new AgentPhoneClient({ apiKey: 'sk_live_x' }).baseUrl).toBe('https://api.agentphone.ai')
  })

  it('reads a call’s transcripts as pairs or as {role, content} turns, into the same pairs and turns', async () => {
    const pairs = [
      { id: 't1', transcript: 'Is it open?', response: 'Yes, until nine.', confidence: 0.9, createdAt: '2026-12-01T10:00:01Z' },
      { id: 't2', transcript: 'Thanks', response: null, confidence: 0.9, createdAt: '2026-12-01T10:00:05Z' }
    ]
    const roles = [
      { role: 'agent', content: 'Hello, the desk.', createdAt: '2026-12-01T10:00:00Z' },
      { role: 'user', content: 'Is it open?', createdAt: '2026-12-01T10:00:01Z' },
      { role: 'agent', content: 'One moment.', interim: true, createdAt: '2026-12-01T10:00:02Z' },
      { role: 'agent', content: 'Yes, until nine.', createdAt: '2026-12-01T10:00:03Z' },
      { role: 'user', content: 'Thanks', createdAt: '2026-12-01T10:00:05Z' }
    ]
    server = await startServer((req, res) => json(res, 200, { ...CALL, status: 'completed', transcripts: req.path.endsWith('call_1') ? pairs : roles }))
    const { client } = clientFor(server)
    const fromPairs = await client.calls.get('call_1')
    const fromRoles = await client.calls.get('call_2')
    const strip = (p: { transcript?: string | null; response?: string | null }) => [p.transcript ?? null, p.response ?? null]
    expect(fromPairs.transcripts?.map(strip)).toEqual([['Is it open?', 'Yes, until nine.'], ['Thanks', null]])
    expect(fromRoles.transcripts?.map(strip)).toEqual([[null, 'Hello, the desk.'], ['Is it open?', 'Yes, until nine.'], ['Thanks', null]])
    expect(fromRoles.turns.map((t) => [t.speaker, t.text])).toEqual([
      ['agent', 'Hello, the desk.'],
      ['caller', 'Is it open?'],
      ['agent', 'One moment.'],
      ['agent', 'Yes, until nine.'],
      ['caller', 'Thanks']
    ])
    expect(fromPairs.turns.map((t) => [t.speaker, t.text])).toEqual([
      ['caller', 'Is it open?'],
      ['agent', 'Yes, until nine.'],
      ['caller', 'Thanks']
    ])
    expect(foldToPairs([{ speaker: 'caller', text: 'hi' }, 'junk', { role: 'agent', content: '' }])).toEqual([{ id: null, transcript: 'hi', response: null, confidence: null, createdAt: null }])
  })

  it('waitForEnd long-polls with ?wait=true&timeout=, one request per wait, and answers the final call', async () => {
    // A server that honours `wait`: each request holds for its 30 s (on the test's clock), answering
    // live the first time and ended the second.
    let clock = 0
    server = await startServer((_req, res, n) => {
      clock += 30_000
      json(res, 200, { ...CALL, status: n < 2 ? 'in-progress' : 'completed' })
    })
    const { client, sleeps } = clientFor(server)
    const call = await client.calls.waitForEnd('call_1', { pollSeconds: 30, now: () => clock })
    expect(call.status).toBe('completed')
    expect(server.requests.map((r) => [r.query.get('wait'), r.query.get('timeout')])).toEqual([
      ['true', '30'],
      ['true', '30']
    ])
    expect(sleeps).toEqual([])
  })

  it('waitForEnd falls back to spaced polling when a server answers a long-poll at once, and stops at maxSeconds', async () => {
    let clock = 0
    let endAfter = 3
    server = await startServer((_req, res, n) => json(res, 200, { ...CALL, status: n < endAfter ? 'in-progress' : 'busy' }))
    const { client } = clientFor(server)
    const sleeps: number[] = []
    const call = await client.calls.waitForEnd('call_1', { now: () => clock, sleep: async (ms) => void (sleeps.push(ms), (clock += ms)), fallbackMs: 4000 })
    expect(call.status).toBe('busy')
    expect(sleeps).toEqual([4000, 4000])
    // A call that never ends: the wait gives up at maxSeconds and answers the live call.
    clock = 0
    endAfter = Infinity
    const before = server.requests.length
    const capped = await client.calls.waitForEnd('call_1', { maxSeconds: 10, now: () => clock, sleep: async (ms) => void (clock += ms), fallbackMs: 6000 })
    expect(capped.status).toBe('in-progress')
    expect(clock).toBe(10_000)
    expect(server.requests.length - before).toBe(3)
  })

  it('placeAndWait sends waitForCompletion and maxWaitSeconds and reads the ended call; recording() fetches bytes without the key', async () => {
    const wav = Buffer.from('RIFF\x24\x00\x00\x00WAVE')
    server = await startServer((req, res) => {
      if (req.path === '/v1/calls') return json(res, 200, { ...CALL, status: 'completed', transcripts: [{ id: 't', transcript: 'Hi', response: 'Hello' }] })
      if (req.path === '/v1/calls/call_1/recording') {
        res.writeHead(200, { 'content-type': 'audio/wav', 'content-length': String(wav.length) })
        return void res.end(wav)
      }
      json(res, 404, { detail: 'Recording not found' })
    })
    const { client } = clientFor(server)
    const done = await client.calls.placeAndWait({ agentId: 'agent_1', toNumber: '(415) 555-0142', systemPrompt: 'Be brief' }, 60)
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ agentId: 'agent_1', toNumber: '+14155550142', systemPrompt: 'Be brief', waitForCompletion: true, maxWaitSeconds: 60 })
    expect(done.turns.map((t) => t.text)).toEqual(['Hi', 'Hello'])
    const rec = await client.calls.recording('call_1')
    expect(rec?.contentType).toBe('audio/wav')
    expect(Buffer.from(rec!.bytes).equals(wav)).toBe(true)
    expect(server.requests[1]!.headers.authorization).toBeUndefined()
    expect(await client.calls.recording('call_2')).toBeNull()
  })

  it('contacts: search is sent as a query, numbers are normalised, a 409 is an error', async () => {
    server = await startServer((req, res) => {
      if (req.method === 'GET') return json(res, 200, { data: [{ id: 'ct_1', phoneNumber: '+14155550142', name: 'Ada' }], hasMore: false, total: 1 })
      if (req.method === 'POST' && JSON.parse(req.body).name === 'Dup') return json(res, 409, { detail: 'A contact with phone number +14155550142 already exists' })
      if (req.method === 'DELETE') return void res.writeHead(204).end()
      json(res, req.method === 'POST' ? 201 : 200, { id: 'ct_1', name: 'Ada', ...JSON.parse(req.body) })
    })
    const { client } = clientFor(server)
    expect((await client.contacts.list({ search: 'ada' })).data[0]?.name).toBe('Ada')
    expect(server.requests[0]!.query.get('search')).toBe('ada')
    expect(await client.contacts.create({ phoneNumber: '415.555.0142', name: 'Ada' })).toMatchObject({ phoneNumber: '+14155550142' })
    expect(await caught(() => client.contacts.create({ phoneNumber: '+14155550142', name: 'Dup' }))).toMatchObject({ status: 409 })
    expect(await client.contacts.update('ct_1', { phoneNumber: '(415) 555-0143' })).toMatchObject({ phoneNumber: '+14155550143' })
    expect(await client.contacts.delete('ct_1')).toEqual({ success: true })
  })
})
