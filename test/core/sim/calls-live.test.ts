import { afterEach, describe, expect, it } from 'vitest'
import type { HeardEvent, RingEvent } from '../../../src-main/core/sim/types'
import { SANDBOX_CONTACT } from '../../../src-main/core/sim/ids'
import { KEY, startHook, startSim, waitFor } from './helpers'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

interface SseEvent {
  event: string | null
  data: string | null
  comment: string | null
}

/** Reads an SSE response into frames as they arrive. */
async function openSse(url: string): Promise<{ frames: SseEvent[]; done: Promise<void>; abort(): void }> {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { Authorization: `Bearer ${KEY}`, Accept: 'text/event-stream' }, signal: controller.signal })
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/)
  const frames: SseEvent[] = []
  const done = (async () => {
    let buffer = ''
    const decoder = new TextDecoder()
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const f: SseEvent = { event: null, data: null, comment: null }
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) f.comment = line.slice(1).trim()
          else if (line.startsWith('event: ')) f.event = line.slice(7)
          else if (line.startsWith('data: ')) f.data = line.slice(6)
        }
        frames.push(f)
        end = buffer.indexOf('\n\n')
      }
    }
  })().catch(() => undefined)
  return { frames, done, abort: () => controller.abort() }
}

describe('live calls', () => {
  it('transcript SSE replays stored turns, streams live ones with heartbeats, then ends and closes', async () => {
    const hook = await startHook((hit, res) => {
      if (hit.json.event === 'agent.message') res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"text":"Sure thing"}')
      else res.writeHead(200).end()
    })
    const h = await startSim({ sseHeartbeatMs: 40 })
    cleanup.push(() => h.sim.stop(), () => hook.close())
    const { number } = h.sim.ensureSandboxAccount(KEY)
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    await h.sim.sandbox.say(KEY, callId, 'before the stream')

    const sse = await openSse(`${h.url}/v1/calls/${callId}/transcript/stream`)
    await waitFor(() => sse.frames.length >= 3)
    // §9.4: `connected` first, with who is on the call.
    expect(sse.frames[0]?.event).toBe('connected')
    expect(JSON.parse(sse.frames[0]!.data!)).toEqual({
      callId,
      status: 'in-progress',
      agentId: expect.stringMatching(/^agent_/),
      agentName: 'Sandbox Agent',
      direction: 'inbound',
      fromNumber: '+15550100999',
      toNumber: number.phoneNumber,
      startedAt: expect.any(String)
    })
    expect(sse.frames.slice(1, 3).map((f) => [f.event, JSON.parse(f.data!).role, JSON.parse(f.data!).content])).toEqual([
      ['turn', 'user', 'before the stream'],
      ['turn', 'agent', 'Sure thing']
    ])
    await waitFor(() => sse.frames.some((f) => f.comment === 'heartbeat'))
    await h.sim.sandbox.say(KEY, callId, 'live now')
    await waitFor(() => sse.frames.filter((f) => f.event === 'turn').length >= 4)
    h.sim.sandbox.hangup(KEY, callId)
    await sse.done
    const events = sse.frames.filter((f) => f.event)
    expect(events.map((f) => f.event)).toEqual(['connected', 'turn', 'turn', 'turn', 'turn', 'ended'])
    expect(JSON.parse(events[3]!.data!)).toMatchObject({ callId, role: 'user', content: 'live now' })
    expect(JSON.parse(events[5]!.data!)).toMatchObject({ callId, status: 'completed', disconnectionReason: 'user_hangup', durationSeconds: expect.any(Number) })

    // A finished call: replay, `ended`, close at once.
    const after = await openSse(`${h.url}/v1/calls/${callId}/transcript/stream`)
    await after.done
    expect(after.frames.map((f) => f.event)).toEqual(['connected', 'turn', 'turn', 'turn', 'turn', 'ended'])
  })

  it('hosted agents answer with a deterministic stand-in and send no voice webhook', async () => {
    const hook = await startHook()
    const h = await startSim()
    cleanup.push(() => h.sim.stop(), () => hook.close())
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    const agent = (await h.api('POST', '/v1/agents', { name: 'Dental Desk', voiceMode: 'hosted', systemPrompt: 'You book dental appointments. Keep it short.', beginMessage: 'Hi, dental desk here.' })).body
    const number = (await h.api('POST', '/v1/numbers', { agentId: agent.id })).body
    const run = async (): Promise<HeardEvent[]> => {
      const heard: HeardEvent[] = []
      const off = h.sim.on('heard', (e) => heard.push(e))
      const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
      await h.sim.sandbox.say(KEY, callId, 'Can I come Friday?')
      await h.sim.sandbox.say(KEY, callId, 'Thanks, goodbye')
      off()
      return heard.map(({ callId: _c, ...rest }) => rest as HeardEvent)
    }
    const first = await run()
    expect(first).toEqual([
      { text: 'Hi, dental desk here.', interim: false },
      { text: 'You said: "Can I come Friday?". My instructions say: "You book dental appointments". This is a simulated reply from Dental Desk.', interim: false },
      { text: 'Thanks for calling Dental Desk. Goodbye! (This is a simulated reply.)', interim: false, hangup: true }
    ])
    expect(await run()).toEqual(first)
    const ended = await waitFor(() => hook.hits.filter((x) => x.json.event === 'agent.call_ended').length === 2)
    expect(ended).toBe(true)
    expect(hook.hits.some((x) => x.json.channel === 'voice' && x.json.event === 'agent.message')).toBe(false)
  })

  it('an outbound call to the sandbox phone rings it, is ringing until answered, then greets', async () => {
    const h = await startSim()
    cleanup.push(() => h.sim.stop())
    const { agent } = h.sim.ensureSandboxAccount(KEY)
    const rings: RingEvent[] = []
    const heard: HeardEvent[] = []
    h.sim.on('ring', (e) => rings.push(e))
    h.sim.on('heard', (e) => heard.push(e))
    const placed = await h.api('POST', '/v1/calls', { agentId: agent.id, toNumber: SANDBOX_CONTACT, initialGreeting: 'Hello from the agent' })
    expect(placed.status).toBe(200)
    expect(placed.body).toMatchObject({ agentId: agent.id, toNumber: SANDBOX_CONTACT, direction: 'outbound', status: 'ringing' })
    expect(rings).toEqual([{ callId: placed.body.id, from: placed.body.fromNumber, to: SANDBOX_CONTACT }])
    expect(heard).toEqual([])
    expect((await h.api('GET', `/v1/calls/${placed.body.id}`)).body.status).toBe('ringing')
    h.sim.sandbox.answer(KEY, placed.body.id)
    expect((await h.api('GET', `/v1/calls/${placed.body.id}`)).body.status).toBe('in-progress')
    expect(heard).toEqual([{ callId: placed.body.id, text: 'Hello from the agent', interim: false }])
    const end = await h.api('POST', `/v1/calls/${placed.body.id}/end`)
    expect(end.body.status).toBe('ending')
    expect((await h.api('GET', `/v1/calls/${placed.body.id}`)).body.status).toBe('completed')
    expect((await h.api('POST', `/v1/calls/${placed.body.id}/end`)).status).toBe(409)
  })

  it('a declined call to the sandbox phone fails as user_declined; a systemPrompt call runs hosted', async () => {
    const h = await startSim()
    cleanup.push(() => h.sim.stop())
    const { agent } = h.sim.ensureSandboxAccount(KEY)
    const declined = (await h.api('POST', '/v1/calls', { agentId: agent.id, toNumber: SANDBOX_CONTACT })).body
    h.sim.sandbox.decline(KEY, declined.id)
    expect((await h.api('GET', `/v1/calls/${declined.id}`)).body).toMatchObject({ status: 'failed', disconnectionReason: 'user_declined', recordingAvailable: false })

    const heard: HeardEvent[] = []
    h.sim.on('heard', (e) => heard.push(e))
    const hosted = (await h.api('POST', '/v1/calls', { agentId: agent.id, toNumber: SANDBOX_CONTACT, systemPrompt: 'Confirm the order.', initialGreeting: '' })).body
    h.sim.sandbox.answer(KEY, hosted.id)
    await h.sim.sandbox.say(KEY, hosted.id, 'yes')
    expect(heard.map((e) => e.text)).toEqual(['You said: "yes". My instructions say: "Confirm the order". This is a simulated reply from Sandbox Agent.'])
  })
})
