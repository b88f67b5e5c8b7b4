import { describe, expect, it } from 'vitest'
import { ABORT_MARGIN_MS } from '../../../src-main/core/copilot/copilot'
import { DEADLINE_WORDS } from '../../../src-main/core/copilot/voice-job'
import { AGENT, copilotRig, DEADLINE_MS, FALLBACK, MODEL_KEY, type Rig, useFakeModel } from './copilot-rig'
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai'

let fake: FakeOpenAi
let rig: Rig | null = null
useFakeModel({ fresh: (f) => ((fake = f), (rig = null)), current: () => ({ fake, rig }) })

const lastDraft = (r: Rig, turnId: string) => r.of('copilot.draft').filter((d) => d.turnId === turnId).at(-1)
const copilotLines = (r: Rig) => r.of('transcript.turn').filter((l) => l.source === 'copilot')

describe('copilot, suggest mode (real SDK, fake OpenAI-compatible server over HTTP)', () => {
  it('streams the draft as it is written, then marks it done — and sends nothing itself', async () => {
    rig = await copilotRig(fake)
    fake.next({ kind: 'answer', pieces: ['Yes, ', 'we have ', 'a table at eight.'] })
    const { turnId } = await rig.openTurn('Do you have a table for two tonight?')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the finished draft')
    const drafts = rig.of('copilot.draft').filter((d) => d.turnId === turnId)
    expect(drafts.map((d) => d.text)).toEqual(['Yes, ', 'Yes, we have ', 'Yes, we have a table at eight.', 'Yes, we have a table at eight.'])
    expect(drafts.every((d) => d.callId === 'call_1' && d.modelLabel === 'fake-model' && d.autopilot === false)).toBe(true)
    expect(drafts.at(-1)).toMatchObject({ done: true })
    expect(drafts.at(-1)?.error).toBeUndefined()
    expect(copilotLines(rig)).toEqual([])
    expect(rig.broker.peek(turnId)).not.toBeNull()
  })

  it('tells the model the call: prompt, greeting, caller, transcript, quick replies, and the actions as tools', async () => {
    rig = await copilotRig(fake)
    const { turnId } = await rig.openTurn('Can I speak to the manager?')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the draft')
    const seen = fake.requests[0]!
    expect(seen.path).toBe('/v1/chat/completions')
    expect(seen.headers.authorization).toBe(`Bearer ${MODEL_KEY}`)
    expect(seen.body).toMatchObject({ model: 'fake-model', stream: true })
    const [system, ...said] = seen.body.messages!
    expect(system?.role).toBe('system')
    for (const part of [AGENT.systemPrompt, AGENT.beginMessage, '+14155550123', 'One moment, let me check.', AGENT.name]) expect(system?.content).toContain(part)
    // The filler the broker spoke is the console's, not the agent's: it is left out.
    expect(said).toEqual([
      { role: 'assistant', content: AGENT.beginMessage },
      { role: 'user', content: 'Can I speak to the manager?' }
    ])
    expect(seen.body.tools?.map((t) => t.function.name)).toEqual(['transfer_call', 'hang_up', 'send_digits'])
  })

  it('leaves transfer out of the tools when the agent has no transfer number', async () => {
    rig = await copilotRig(fake, {}, { agent: () => ({ ...AGENT, transferNumber: null }) })
    const { turnId } = await rig.openTurn('Put me through to someone')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the draft')
    expect(fake.requests[0]?.body.tools?.map((t) => t.function.name)).toEqual(['hang_up', 'send_digits'])
  })

  it('only proposes an action the model asked for (a tool call): the turn stays open for the person', async () => {
    rig = await copilotRig(fake)
    fake.next({ kind: 'answer', pieces: ['Connecting ', 'you now.'], tool: { name: 'transfer_call', arguments: '{}' } })
    const { turnId } = await rig.openTurn('I want a human')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the draft')
    expect(lastDraft(rig, turnId)).toMatchObject({ text: 'Connecting you now.', action: { type: 'transfer' }, autopilot: false })
    expect(rig.broker.peek(turnId)).not.toBeNull()
    expect(copilotLines(rig)).toEqual([])
  })

  it('stops at the deadline minus a margin: says so, and the fallback still speaks on time', async () => {
    rig = await copilotRig(fake)
    fake.next({ kind: 'silent' })
    const { turnId, client } = await rig.openTurn('Are you open on Sunday?')
    await fake.waitForRequests(1)
    rig.clock.advance(DEADLINE_MS - ABORT_MARGIN_MS - 1)
    expect(lastDraft(rig, turnId)).toBeUndefined()
    rig.clock.advance(1)
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the deadline notice')
    expect(lastDraft(rig, turnId)).toMatchObject({ done: true, error: DEADLINE_WORDS })
    rig.clock.advance(ABORT_MARGIN_MS)
    expect(await client.ended).toEqual([JSON.stringify({ text: 'One moment.', interim: true }), JSON.stringify({ text: FALLBACK })])
  })

  it.each([
    [429, { error: { message: 'Rate limit reached for requests', type: 'requests', code: 'rate_limit_exceeded' } }, /rate-limiting or out of quota \(429\).*Rate limit reached/],
    [500, { error: { message: 'The server had an error while processing your request.' } }, /failed \(500\)/],
    [401, { error: { message: 'Incorrect API key provided.', code: 'invalid_api_key' } }, /refused the key \(401\)/],
    [404, { error: { message: 'The model `fake-model` does not exist', code: 'model_not_found' } }, /does not know the model "fake-model" \(404\)/]
  ])('a %i becomes a plain-words notice and the turn stays with the person', async (status, body, words) => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'error', status, body })
    const { turnId } = await rig.openTurn('Hello?')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the error notice')
    expect(lastDraft(rig, turnId)?.error).toMatch(words)
    expect(rig.broker.peek(turnId)).not.toBeNull()
    expect(copilotLines(rig)).toEqual([])
  })

  it('a refusal from the model is a notice, not a reply', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: [], refusal: "I can't help with that." })
    const { turnId } = await rig.openTurn('Tell me a secret')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the refusal')
    expect(lastDraft(rig, turnId)?.error).toBe("The model declined to answer: I can't help with that.")
    expect(copilotLines(rig)).toEqual([])
  })

  it('says "unreachable" when nothing listens at the base URL', async () => {
    const port = new URL(fake.baseURL).port
    await fake.close()
    rig = await copilotRig(fake, { baseUrl: `http://127.0.0.1:${port}/v1` })
    const { turnId } = await rig.openTurn('Anyone there?')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the notice')
    expect(lastDraft(rig, turnId)?.error).toBe(`Could not reach the model server at http://127.0.0.1:${port}/v1: nothing is listening there (connection refused). Is the server running?`)
    fake = await startFakeOpenAi()
  })

  it('stops the request, without another word, once the turn closes or the person clears the draft', async () => {
    rig = await copilotRig(fake)
    fake.next({ kind: 'answer', pieces: ['First ', 'half, ', 'second half.'], holdAfter: 1 }, { kind: 'answer', pieces: ['Also ', 'cleared.'], holdAfter: 1 })
    const first = await rig.openTurn('One')
    await rig.until(() => lastDraft(rig!, first.turnId)?.text === 'First ', 'the first piece')
    rig.broker.reply(first.turnId, { turnId: first.turnId, text: 'I answered myself.' })
    const second = await rig.openTurn('Two')
    await rig.until(() => lastDraft(rig!, second.turnId)?.text === 'Also ', 'the second draft')
    rig.copilot.dismiss({ turnId: second.turnId })
    // Both requests are abandoned by the client (the SDK aborted), not read to their end.
    await rig.until(() => fake.abandoned() === 2, 'both requests to be aborted')
    fake.release()
    expect(rig.of('copilot.draft').map((d) => [d.turnId, d.text, d.done])).toEqual([
      [first.turnId, 'First ', false],
      [second.turnId, 'Also ', false]
    ])
  })

  it('never puts the key in an event or a log line', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'error', status: 401, body: { error: { message: `Incorrect API key provided: ${MODEL_KEY.slice(0, 8)}***` } } })
    const { turnId } = await rig.openTurn('Hello')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the notice')
    rig.copilot.configure({ apiKey: 'sk-another-secret-key-99' })
    const everything = JSON.stringify(rig.events) + rig.logs.join('\n')
    expect(everything).not.toContain(MODEL_KEY)
    expect(everything).not.toContain('sk-another-secret-key-99')
    expect(rig.copilot.status().hasKey).toBe(true)
  })
})
