/**
 * The simulated callee: every outbound call to a number other than the sandbox phone is answered
 * (or not) by the rule on its last digit, with the status and disconnectionReason the API reports;
 * `waitForCompletion` and the `?wait=true` long-poll return the finished call.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { CALLEE_LINES, calleeOutcome, voicemailGreeting } from '../../../src-main/core/sim/callee'
import { SANDBOX_CONTACT } from '../../../src-main/core/sim/ids'
import { fakeClock } from '../../server/helpers/fake-clock'
import { KEY, startHook, startSim, waitFor } from './helpers'
import type { SimHandle } from './helpers'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

const PACE = 1000

async function hostedAgent(h: SimHandle): Promise<{ agentId: string; phoneNumber: string }> {
  const agent = (await h.api('POST', '/v1/agents', { name: 'Caller Desk', voiceMode: 'hosted', systemPrompt: 'Confirm the booking.', voicemailMessage: 'Please call the desk back.' })).body
  const number = (await h.api('POST', '/v1/numbers', { agentId: agent.id })).body
  return { agentId: agent.id, phoneNumber: number.phoneNumber }
}

/** Moves the fake clock a pace at a time, letting the callee's promise chain run in between. */
async function runFor(clock: ReturnType<typeof fakeClock>, paces: number): Promise<void> {
  for (let i = 0; i < paces; i++) {
    clock.advance(PACE)
    for (let j = 0; j < 5; j++) await new Promise((r) => setImmediate(r))
  }
}

/** Moves the fake clock a second at a time until `pending` settles (at most ten minutes of it). */
async function untilSettled<T>(clock: ReturnType<typeof fakeClock>, pending: Promise<T>): Promise<T> {
  let done = false
  const tracked = pending.finally(() => (done = true))
  for (let i = 0; i < 600 && !done; i++) await runFor(clock, 1)
  return tracked
}

describe('the simulated callee', () => {
  it('picks its behaviour from the last digit of the number', () => {
    expect(['+14155550120', '+14155550125', '+14155550126', '+14155550127', '+14155550128', '+14155550129'].map(calleeOutcome)).toEqual([
      'answers',
      'answers',
      'declines',
      'busy',
      'no-answer',
      'voicemail'
    ])
  })

  it.each([
    ['+14155550126', { status: 'failed', disconnectionReason: 'user_declined', durationSeconds: 0, recordingAvailable: false, transcripts: [] }],
    ['+14155550127', { status: 'busy', disconnectionReason: 'dial_busy', recordingAvailable: false, transcripts: [] }],
    ['+14155550128', { status: 'no-answer', disconnectionReason: 'dial_no_answer', recordingAvailable: false, transcripts: [] }]
  ])('a call to %s never connects: %o', async (toNumber, expected) => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const h = await startSim({ clock, calleePaceMs: PACE })
    cleanup.push(() => h.sim.stop())
    const { agentId } = await hostedAgent(h)
    const placed = (await h.api('POST', '/v1/calls', { agentId, toNumber })).body
    expect(placed.status).toBe('ringing')
    await runFor(clock, 6)
    const call = (await h.api('GET', `/v1/calls/${placed.id}`)).body
    expect(call).toMatchObject(expected)
    expect(call.endedAt).not.toBeNull()
  })

  it('answers and talks: the hosted agent greets, answers each line, and says goodbye; the webhook gets agent.call_ended', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const hook = await startHook()
    const h = await startSim({ clock, calleePaceMs: PACE })
    cleanup.push(() => h.sim.stop(), () => hook.close())
    await h.api('POST', '/v1/webhooks', { url: hook.url })
    const { agentId } = await hostedAgent(h)
    const placed = (await h.api('POST', '/v1/calls', { agentId, toNumber: '+14155550123', initialGreeting: 'Hi, this is the desk.' })).body
    await runFor(clock, 1)
    expect((await h.api('GET', `/v1/calls/${placed.id}`)).body.status).toBe('in-progress')
    await runFor(clock, 6)
    const call = (await h.api('GET', `/v1/calls/${placed.id}`)).body
    expect(call).toMatchObject({ status: 'completed', disconnectionReason: 'agent_hangup', recordingAvailable: true })
    expect(call.transcripts.map((t: { transcript: string }) => t.transcript)).toEqual(CALLEE_LINES)
    expect(call.transcripts[0].response).toContain('You said: "Hello? Yes, this is Sam speaking."')
    expect(call.transcripts[2].response).toMatch(/Goodbye/)
    const transcript = (await h.api('GET', `/v1/calls/${placed.id}/transcript`)).body.transcript
    expect(transcript[0]).toMatchObject({ role: 'agent', content: 'Hi, this is the desk.' })
    const ended = (await waitFor(() => hook.hits.find((x) => x.json.event === 'agent.call_ended'))).json.data as Record<string, unknown>
    expect(ended).toMatchObject({ callId: placed.id, direction: 'outbound', status: 'completed', disconnectionReason: 'agent_hangup', to: '+14155550123' })
  })

  it('a voicemail: the machine greets, the agent leaves its voicemail message, the call completes as voicemail_reached', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const h = await startSim({ clock, calleePaceMs: PACE })
    cleanup.push(() => h.sim.stop())
    const { agentId } = await hostedAgent(h)
    const placed = (await h.api('POST', '/v1/calls', { agentId, toNumber: '+14155550129' })).body
    await runFor(clock, 2)
    const call = (await h.api('GET', `/v1/calls/${placed.id}`)).body
    expect(call).toMatchObject({ status: 'completed', disconnectionReason: 'voicemail_reached' })
    expect(call.transcripts).toEqual([expect.objectContaining({ transcript: voicemailGreeting('+14155550129'), response: 'Please call the desk back.' })])
  })

  it('the sandbox phone number still rings the sandbox phone; unanswered for a minute it ends as no-answer', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const h = await startSim({ clock, calleePaceMs: PACE })
    cleanup.push(() => h.sim.stop())
    const { agentId } = await hostedAgent(h)
    const rings: string[] = []
    h.sim.on('ring', (r) => rings.push(r.to))
    const placed = (await h.api('POST', '/v1/calls', { agentId, toNumber: SANDBOX_CONTACT })).body
    expect(rings).toEqual([SANDBOX_CONTACT])
    await runFor(clock, 59)
    expect((await h.api('GET', `/v1/calls/${placed.id}`)).body.status).toBe('ringing')
    await runFor(clock, 1)
    expect((await h.api('GET', `/v1/calls/${placed.id}`)).body).toMatchObject({ status: 'no-answer', disconnectionReason: 'dial_no_answer' })
  })

  it('POST /v1/calls with waitForCompletion answers with the ended call and its transcript', async () => {
    const h = await startSim({ calleePaceMs: 5 })
    cleanup.push(() => h.sim.stop())
    const { agentId } = await hostedAgent(h)
    const res = await h.api('POST', '/v1/calls', { agentId, toNumber: '+14155550142', waitForCompletion: true, maxWaitSeconds: 30 })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'completed', direction: 'outbound', toNumber: '+14155550142', recordingAvailable: true })
    expect(res.body.recordingUrl).toBe(`${h.url}/v1/calls/${res.body.id}/recording`)
    expect(res.body.transcripts).toHaveLength(CALLEE_LINES.length)
    expect((await h.api('POST', '/v1/calls', { agentId, toNumber: '+14155550142', waitForCompletion: true, maxWaitSeconds: 5 })).status).toBe(422)
  })

  it('GET ?wait=true long-polls until the call ends, or answers the live call at the timeout', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const h = await startSim({ clock, calleePaceMs: PACE })
    cleanup.push(() => h.sim.stop())
    const { phoneNumber } = await hostedAgent(h)
    const { callId } = h.sim.sandbox.dial(KEY, { to: phoneNumber })
    // The clock moves only while the request is open: it answers once 10 s have passed, not before.
    const started = clock.now()
    const live = await untilSettled(clock, h.api('GET', `/v1/calls/${callId}?wait=true&timeout=10`))
    expect(live.body.status).toBe('in-progress')
    expect(clock.now() - started).toBeGreaterThanOrEqual(10_000)
    const untilEnd = h.api('GET', `/v1/calls/${callId}?wait=true&timeout=300`)
    await runFor(clock, 1)
    h.sim.sandbox.hangup(KEY, callId)
    expect((await untilEnd).body).toMatchObject({ id: callId, status: 'completed', disconnectionReason: 'user_hangup' })
    expect((await h.api('GET', `/v1/calls/${callId}?wait=true&timeout=5`)).status).toBe(422)
  })

  it('a client that gives up on a long-poll leaves no waiter behind', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const h = await startSim({ clock, calleePaceMs: PACE })
    cleanup.push(() => h.sim.stop())
    const { phoneNumber } = await hostedAgent(h)
    const { callId } = h.sim.sandbox.dial(KEY, { to: phoneNumber })
    const idle = clock.pending()
    const controller = new AbortController()
    const held = fetch(`${h.url}/v1/calls/${callId}?wait=true&timeout=300`, { headers: { Authorization: `Bearer ${KEY}` }, signal: controller.signal }).catch(() => 'aborted')
    await waitFor(() => clock.pending() === idle + 1)
    controller.abort()
    expect(await held).toBe('aborted')
    await waitFor(() => clock.pending() === idle)
  })
})
