import { describe, expect, it } from 'vitest'
import { copilotRig, type Rig, useFakeModel } from './copilot-rig'
import type { FakeOpenAi } from './fake-openai'

let fake: FakeOpenAi
let rig: Rig | null = null
useFakeModel({ fresh: (f) => ((fake = f), (rig = null)), current: () => ({ fake, rig }) })

const FILLER_LINE = JSON.stringify({ text: 'One moment.', interim: true })
const lastDraft = (r: Rig, turnId: string) => r.of('copilot.draft').filter((d) => d.turnId === turnId).at(-1)
const copilotLines = (r: Rig) => r.of('transcript.turn').filter((l) => l.source === 'copilot')

describe('copilot, autopilot mode', () => {
  it('answers the turn itself, through the broker, marked in the transcript with its model', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: ['We open ', 'at noon.'] })
    const { turnId, client } = await rig.openTurn('When do you open?')
    expect(await client.ended).toEqual([FILLER_LINE, JSON.stringify({ text: 'We open at noon.' })])
    expect(copilotLines(rig)).toEqual([expect.objectContaining({ callId: 'call_1', speaker: 'agent', text: 'We open at noon.', source: 'copilot', model: 'fake-model' })])
    expect(rig.of('turn.closed')).toEqual([{ turnId, callId: 'call_1', outcome: 'replied' }])
    expect(rig.of('copilot.draft').filter((d) => d.turnId === turnId).every((d) => d.autopilot)).toBe(true)
  })

  it.each([
    ['transfer_call', '{}', { text: 'Putting you through.', action: 'transfer' }],
    ['hang_up', '{}', { text: 'Putting you through.', hangup: true }],
    ['send_digits', '{"digits":"12#"}', { text: 'Putting you through.', digits: '12#' }]
  ])('takes the %s tool as the reply action', async (name, args, line) => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: ['Putting you ', 'through.'], tool: { name, arguments: args } })
    const { client } = await rig.openTurn('Get me to sales')
    expect(await client.ended).toEqual([FILLER_LINE, JSON.stringify(line)])
  })

  it('ignores a tool call with broken arguments rather than pressing the wrong keys', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: ['Sure.'], tool: { name: 'send_digits', arguments: '{"digits": "12; rm' } })
    const { client } = await rig.openTurn('Press one two')
    expect(await client.ended).toEqual([FILLER_LINE, JSON.stringify({ text: 'Sure.' })])
  })

  it('a slow model still answers when it finishes inside the deadline (the filler covered the wait)', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: ['Let me see... ', 'yes, we deliver.'], holdAfter: 1 })
    const { turnId, client } = await rig.openTurn('Do you deliver?')
    await rig.until(() => lastDraft(rig!, turnId)?.text === 'Let me see... ', 'the first words')
    rig.clock.advance(20_000)
    fake.release()
    expect(await client.ended).toEqual([FILLER_LINE, JSON.stringify({ text: 'Let me see... yes, we deliver.' })])
  })

  it('Take over stops it at once: what the model writes becomes a suggestion, the turn waits for the person', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: ['I will ', 'book it.'], holdAfter: 1 })
    const { turnId } = await rig.openTurn('Book me for nine')
    await rig.until(() => lastDraft(rig!, turnId)?.text === 'I will ', 'the first words')
    const status = rig.copilot.takeOver('call_1')
    expect(status.takenOver).toEqual(['call_1'])
    expect(lastDraft(rig, turnId)).toMatchObject({ autopilot: false, done: false })
    expect(rig.of('copilot.status').at(-1)?.takenOver).toEqual(['call_1'])
    fake.release()
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the finished suggestion')
    expect(lastDraft(rig, turnId)).toMatchObject({ text: 'I will book it.', autopilot: false })
    expect(rig.broker.peek(turnId)).not.toBeNull()
    expect(copilotLines(rig)).toEqual([])

    // The next turn on that call is a suggestion too, until the person hands it back.
    rig.broker.reply(turnId, { turnId, text: 'Booked, see you at nine.' })
    const second = await rig.openTurn('Thanks')
    await rig.until(() => lastDraft(rig!, second.turnId)?.done === true, 'the second draft')
    expect(lastDraft(rig, second.turnId)?.autopilot).toBe(false)
    expect(rig.broker.peek(second.turnId)).not.toBeNull()
    rig.broker.reply(second.turnId, { turnId: second.turnId, text: 'You are welcome.' })

    rig.copilot.handBack('call_1')
    const third = await rig.openTurn('Bye then')
    expect(await third.client.ended).toHaveLength(2)
    expect(copilotLines(rig)).toHaveLength(1)
  })

  it("respects a person's claim: a teammate typing keeps autopilot from answering over them", async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: ['Sure ', 'thing.'], holdAfter: 1 })
    const { turnId } = await rig.openTurn('Can I change my booking?')
    await rig.until(() => lastDraft(rig!, turnId)?.text === 'Sure ', 'the first words')
    rig.broker.claim(turnId, 'Grace')
    fake.release()
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the suggestion')
    expect(lastDraft(rig, turnId)?.autopilot).toBe(false)
    expect(rig.broker.peek(turnId)?.claimedBy).toBe('Grace')
    expect(copilotLines(rig)).toEqual([])
  })

  it('the global pause turns every autopilot draft into a suggestion, now and for new turns', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot' })
    fake.next({ kind: 'answer', pieces: ['One ', 'two.'], holdAfter: 1 })
    const first = await rig.openTurn('First')
    await rig.until(() => lastDraft(rig!, first.turnId)?.text === 'One ', 'the first words')
    expect(rig.copilot.pause(true).paused).toBe(true)
    fake.release()
    await rig.until(() => lastDraft(rig!, first.turnId)?.done === true, 'the suggestion')
    const second = await rig.openTurn('Second')
    await rig.until(() => lastDraft(rig!, second.turnId)?.done === true, 'the second draft')
    expect([lastDraft(rig, first.turnId)?.autopilot, lastDraft(rig, second.turnId)?.autopilot]).toEqual([false, false])
    expect(copilotLines(rig)).toEqual([])
  })

  it('answers only for the agents it is set to answer for', async () => {
    rig = await copilotRig(fake, { mode: 'autopilot', autopilotAgentIds: ['agt_other'] })
    const { turnId } = await rig.openTurn('Hello')
    await rig.until(() => lastDraft(rig!, turnId)?.done === true, 'the draft')
    expect(lastDraft(rig, turnId)?.autopilot).toBe(false)
    expect(copilotLines(rig)).toEqual([])
  })

  it('asks no model on a call set to "fallback line only"', async () => {
    let answeredBy: 'human' | 'fallback' = 'fallback'
    rig = await copilotRig(fake, { mode: 'autopilot' }, { call: () => ({ agentId: 'agt_1', from: '+14155550123', to: '+14155550100', direction: 'inbound', answeredBy }) })
    const skipped = await rig.openTurn('Nobody should draft this')
    answeredBy = 'human'
    const asked = await rig.openTurn('Draft this one')
    await rig.until(() => lastDraft(rig!, asked.turnId)?.done === true, 'the second draft')
    expect(fake.requests.map((r) => r.body.messages?.at(-1)?.content)).toEqual(['Draft this one'])
    expect(lastDraft(rig, skipped.turnId)).toBeUndefined()
  })
})
