/**
 * Recordings: every finished call that connected has a real WAV (PCM, as long as the call) at its
 * public URL; live, unanswered and `disableRecording` calls have none.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { recordingWav, SAMPLE_RATE } from '../../../src-main/core/sim/recording'
import type { CallRec } from '../../../src-main/core/sim/types'
import { fakeClock } from '../../server/helpers/fake-clock'
import { KEY, startSim } from './helpers'
import { readWav } from './wav'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

function call(seconds: number, lines: Array<[role: 'user' | 'agent', text: string, atSecond: number]>): CallRec {
  const t0 = Date.parse('2026-12-01T10:00:00Z')
  const iso = (s: number): string => new Date(t0 + s * 1000).toISOString()
  return {
    id: 'call_x',
    agentId: null,
    phoneNumberId: null,
    phoneNumber: null,
    fromNumber: '+14155550100',
    toNumber: '+14155550123',
    direction: 'outbound',
    status: 'completed',
    startedAt: iso(-2),
    answeredAt: iso(0),
    endedAt: iso(seconds),
    disconnectionReason: 'user_hangup',
    turns: lines.map(([role, content, at], i) => ({ id: `t${i}`, role, content, createdAt: iso(at) })),
    hosted: false,
    systemPrompt: null,
    greeting: null
  }
}

describe('call recordings', () => {
  it('are 16-bit mono PCM WAV as long as the call, with speech where lines were spoken and silence elsewhere', () => {
    const wav = readWav(recordingWav(call(20, [['agent', 'Hello there, how can I help?', 0], ['user', 'Just checking.', 10]]))!)
    expect(wav).toMatchObject({ format: 1, channels: 1, sampleRate: SAMPLE_RATE, bitsPerSample: 16, seconds: 20 })
    const short = readWav(recordingWav(call(3, [['user', 'Hi', 0]]))!)
    expect(short.seconds).toBe(3)
    expect(wav.loudSamples).toBeGreaterThan(SAMPLE_RATE)
    // Two short lines in twenty seconds: most of the file is quiet.
    expect(wav.loudSamples).toBeLessThan(wav.seconds * SAMPLE_RATE * 0.5)
    // A call of no seconds still gets a playable second; a live call gets nothing.
    expect(readWav(recordingWav(call(0, []))!).seconds).toBe(1)
    expect(recordingWav({ ...call(5, []), endedAt: null, status: 'in-progress' })).toBeNull()
  })

  it('are served without a key at the call’s recordingUrl (GET and HEAD); 404 before the end and with disableRecording', async () => {
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const h = await startSim({ clock })
    cleanup.push(() => h.sim.stop())
    const { number, agent } = h.sim.ensureSandboxAccount(KEY)
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    expect((await fetch(`${h.url}/v1/calls/${callId}/recording`)).status).toBe(404)
    clock.advance(7_000)
    h.sim.sandbox.hangup(KEY, callId)
    const detail = (await h.api('GET', `/v1/calls/${callId}`)).body
    expect(detail).toMatchObject({ recordingAvailable: true, recordingUrl: `${h.url}/v1/calls/${callId}/recording`, durationSeconds: 7 })

    const res = await fetch(detail.recordingUrl)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('audio/wav')
    expect(res.headers.get('content-disposition')).toBe(`inline; filename="recording-${callId}.wav"`)
    const wav = readWav(Buffer.from(await res.arrayBuffer()))
    expect(wav.seconds).toBe(7)
    const head = await fetch(detail.recordingUrl, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(Number(head.headers.get('content-length'))).toBe(44 + 7 * SAMPLE_RATE * 2)
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    expect((await fetch(`${h.url}/v1/calls/call_nope/recording`)).status).toBe(404)

    // A call placed with disableRecording has no recording.
    const quiet = (await h.api('POST', '/v1/calls', { agentId: agent.id, toNumber: '+15550100999', disableRecording: true })).body
    h.sim.sandbox.answer(KEY, quiet.id)
    clock.advance(2_000)
    await h.api('POST', `/v1/calls/${quiet.id}/end`)
    expect((await h.api('GET', `/v1/calls/${quiet.id}`)).body).toMatchObject({ status: 'completed', recordingAvailable: false, recordingUrl: null })
    expect((await fetch(`${h.url}/v1/calls/${quiet.id}/recording`)).status).toBe(404)
  })
})
