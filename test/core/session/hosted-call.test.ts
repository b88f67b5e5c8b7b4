import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AgentPhoneClient } from '../../../src-main/core/agentphone/client'
import { memorySecrets, systemClock } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { EventRecorder } from './events'
import { ok } from '../../helpers/bridge-result'

const KEY = 'sk_live_hosted_test'
let sim: Simulator
let session: Session

beforeEach(async () => {
  sim = new Simulator({ clock: systemClock, apiKeys: [KEY] })
  await sim.start()
})
afterEach(async () => {
  await session?.stop()
  await sim.stop()
})

describe('a hosted-mode call in live mode', () => {
  it('is found by polling, followed through the transcript stream, and ended from the console', async () => {
    const api = new AgentPhoneClient({ baseUrl: sim.url, apiKey: KEY })
    const agent = await api.agents.create({ name: 'Concierge', voiceMode: 'hosted', systemPrompt: 'You are a hotel concierge.', beginMessage: 'Hotel Aurora, how can I help?' })
    const number = await api.numbers.buy({ agentId: agent.id })

    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sb-hosted-'))
    session = await startSession({ mode: 'live', dataDir, live: { baseUrl: sim.url }, secrets: memorySecrets({ apiKey: KEY }) })
    const recorder = new EventRecorder()
    session.onEvent(recorder.push)

    // The caller rings AgentPhone directly: no webhook says so, the poller has to find it.
    const { callId } = sim.sandbox.dial(KEY, { to: number.phoneNumber, from: '+15550100123' })
    const started = await recorder.waitFor('call.started', (c) => c.id === callId, 8000)
    expect(started.voiceMode).toBe('hosted')
    expect(started.agentName).toBe('Concierge')

    await recorder.waitFor('transcript.turn', (t) => t.callId === callId && t.source === 'hosted' && t.text.includes('Hotel Aurora'))
    await sim.sandbox.say(KEY, callId, 'Is breakfast included?')
    await recorder.waitFor('transcript.turn', (t) => t.callId === callId && t.speaker === 'caller' && t.text === 'Is breakfast included?')
    const reply = await recorder.waitFor('transcript.turn', (t) => t.callId === callId && t.source === 'hosted' && t.at >= started.startedAt && !t.text.includes('Hotel Aurora'))
    expect(reply.speaker).toBe('agent')

    ok(await session.invoke('calls.end', { callId }))
    const ended = await recorder.waitFor('call.ended', (c) => c.id === callId, 8000)
    expect(ended.status).toBe('completed')
    // Each stored turn reached the board once, even though the stream replays on connect.
    const detail = ok(await session.invoke('calls.get', { callId })) as { transcript: Array<{ text: string }> }
    const texts = detail.transcript.map((l) => l.text)
    expect(new Set(texts).size).toBe(texts.length)
  })
})
