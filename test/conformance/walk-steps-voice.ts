/** Walk, part 1: agent, voices, number, attach, an outbound call, its end and its transcript. */
import { expect } from 'vitest'
import type { DocCallDetail, DocPlacedCall, DocTranscriptTurn, DocVoice } from './shapes-doc'
import { CALL_DETAIL, PLACED_CALL, TRANSCRIPT_TURN, VOICE } from './shapes-doc'
import { AGENT, AGENT_NUMBER, NUMBER } from './shapes'
import { API_KEY } from './harness'
import { expectEachShape, expectShape } from './shape'
import type { Step } from './walk'
import { AGENT_NAME, CALLEE, CALLER_LINE, DEFAULT_VOICE, GREETING, expectRecent, step } from './walk'

const AGENT_INPUT = { name: AGENT_NAME, description: 'Walks the whole surface', voiceMode: 'webhook' as const }

export const VOICE_STEPS: Array<Step<unknown>> = [
  step({
    name: 'create an agent',
    sdk: async (c) => {
      const a = await c.agents.createAgent(AGENT_INPUT)
      expectShape(a, AGENT, 'agent')
      return { id: a.id, name: a.name, description: a.description, voiceMode: a.voiceMode, voice: a.voice, modelTier: a.modelTier, numbers: a.numbers?.length, createdAt: a.createdAt }
    },
    ours: async (c) => {
      const a = await c.agents.create(AGENT_INPUT)
      return { id: a.id, name: a.name, description: a.description, voiceMode: a.voiceMode, voice: a.voice, modelTier: a.modelTier, numbers: a.numbers?.length, createdAt: a.createdAt }
    },
    check: (v, w) => {
      expect(v).toMatchObject({ name: AGENT_NAME, description: 'Walks the whole surface', voiceMode: 'webhook', voice: DEFAULT_VOICE, modelTier: 'balanced', numbers: 0 })
      expect(v.id).toMatch(/^agent_/)
      expectRecent(v.createdAt, 'createdAt')
      w.state.agentId = v.id
    }
  }),
  step({
    name: 'list voices',
    sdk: async (c) => {
      const { data } = (await c.agents.listVoices()) as { data: DocVoice[] }
      expectEachShape(data, VOICE, 'voice')
      return data.map((v) => [v.voice_id, v.voice_name])
    },
    ours: async (c) => (await c.agents.voices()).data.map((v) => [v.voice_id, v.voice_name]),
    check: (pairs) => {
      expect(pairs).toContainEqual([DEFAULT_VOICE, 'Skylar — Friendly Guide'])
      expect(new Set(pairs.map(([id]) => id)).size).toBe(pairs.length)
    }
  }),
  step({
    name: 'buy a number',
    sdk: async (c) => {
      const n = await c.numbers.createNumber({ country: 'US', areaCode: '415' })
      expectShape(n, NUMBER, 'number')
      return { id: n.id, phoneNumber: n.phoneNumber, country: n.country, status: n.status, agentId: n.agentId }
    },
    ours: async (c) => {
      const n = await c.numbers.buy({ country: 'US', areaCode: '415' })
      return { id: n.id, phoneNumber: n.phoneNumber, country: n.country, status: n.status, agentId: n.agentId }
    },
    check: (v, w) => {
      expect(v).toMatchObject({ country: 'US', status: 'active', agentId: null })
      expect(v.id).toMatch(/^num_/)
      expect(v.phoneNumber).toMatch(/^\+1415\d{7}$/)
      w.state.numberId = v.id
      w.state.phoneNumber = v.phoneNumber
    }
  }),
  step({
    name: 'attach the number to the agent',
    sdk: async (c, { state }) => {
      const r = await c.agents.attachNumberToAgent({ agent_id: state.agentId, numberId: state.numberId })
      expectShape(r.number, AGENT_NUMBER, 'attached number')
      const agent = await c.agents.getAgent({ agent_id: state.agentId })
      const list = await c.numbers.listNumbers()
      return { agentId: r.agentId, number: r.number, agentNumbers: agent.numbers?.map((n) => n.id), listed: list.data.map((n) => [n.id, n.agentId]), total: list.total }
    },
    ours: async (c, { state }) => {
      const r = await c.agents.attachNumber(state.agentId, state.numberId)
      const agent = await c.agents.get(state.agentId)
      const list = await c.numbers.list()
      return { agentId: r.agentId, number: r.number, agentNumbers: agent.numbers?.map((n) => n.id), listed: list.data.map((n) => [n.id, n.agentId]), total: list.total }
    },
    check: (v, { state }) => {
      expect(v.agentId).toBe(state.agentId)
      expect(v.number).toMatchObject({ id: state.numberId, phoneNumber: state.phoneNumber, status: 'active' })
      expect(v.agentNumbers).toEqual([state.numberId])
      expect(v.listed).toEqual([[state.numberId, state.agentId]])
      expect(v.total).toBe(1)
    }
  }),
  step({
    name: 'place an outbound call',
    sdk: async (c, { state }) => {
      const call = (await c.calls.createOutboundCall({ agentId: state.agentId, toNumber: CALLEE, initialGreeting: GREETING, systemPrompt: 'You are a conformance test.' })) as DocPlacedCall
      expectShape(call, PLACED_CALL, 'placed call')
      return call
    },
    ours: (c, { state }) => c.calls.place({ agentId: state.agentId, toNumber: CALLEE, initialGreeting: GREETING, systemPrompt: 'You are a conformance test.' }),
    check: (v, w) => {
      expect(v).toMatchObject({ agentId: w.state.agentId, phoneNumberId: w.state.numberId, fromNumber: w.state.phoneNumber, toNumber: CALLEE, direction: 'outbound' })
      // §2.6 documents `in-progress` for the immediate answer; the MCP status list also has
      // `ringing`, which the simulator reports until its sandbox phone picks up.
      expect(['in-progress', 'ringing']).toContain(v.status)
      expect(v.id).toMatch(/^call_/)
      expectRecent(v.startedAt, 'startedAt')
      w.state.callId = v.id
    }
  }),
  step({
    name: 'end the call and read it back',
    // The far side (the sandbox phone) picks up and says one line; the hosted stand-in answers.
    before: async ({ env, state }) => {
      env.sim.sandbox.answer(API_KEY, state.callId)
      await env.sim.sandbox.say(API_KEY, state.callId, CALLER_LINE)
    },
    sdk: async (c, { state }) => {
      const ended = (await c.calls.endCall({ call_id: state.callId })) as { id: string; status: string }
      const detail = (await c.calls.getCall({ call_id: state.callId })) as DocCallDetail
      expectShape(detail, CALL_DETAIL, 'call')
      return { ended: { id: ended.id, status: ended.status }, detail }
    },
    ours: async (c, { state }) => {
      const ended = await c.calls.end(state.callId)
      return { ended: { id: ended.id, status: ended.status }, detail: await c.calls.get(state.callId) }
    },
    check: ({ ended, detail }, { state }) => {
      expect(ended).toEqual({ id: state.callId, status: 'ending' })
      expect(detail).toMatchObject({ id: state.callId, status: 'completed', direction: 'outbound', toNumber: CALLEE, fromNumber: state.phoneNumber })
      expectRecent(detail.endedAt, 'endedAt')
      expect(detail.durationSeconds).toBeGreaterThanOrEqual(0)
      expect(detail.transcripts).toHaveLength(1)
      expect(detail.transcripts?.[0]).toMatchObject({ transcript: CALLER_LINE, response: expect.stringContaining(`You said: "${CALLER_LINE}"`) })
    }
  }),
  step({
    name: 'read the transcript',
    sdk: async (c, { state }) => {
      const raw = (await c.calls.getCallTranscript({ call_id: state.callId })) as { transcript: DocTranscriptTurn[] }
      expectEachShape(raw.transcript, TRANSCRIPT_TURN, 'turn')
      return raw.transcript.map((t) => ({ speaker: t.role === 'user' ? 'caller' : 'agent', text: t.content }))
    },
    ours: async (c, { state }) => (await c.calls.transcript(state.callId)).map((t) => ({ speaker: t.speaker, text: t.text })),
    check: (turns) => {
      expect(turns).toEqual([
        { speaker: 'agent', text: GREETING },
        { speaker: 'caller', text: CALLER_LINE },
        { speaker: 'agent', text: expect.stringContaining(`You said: "${CALLER_LINE}"`) }
      ])
    }
  })
]
