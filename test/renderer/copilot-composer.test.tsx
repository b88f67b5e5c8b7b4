import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CopilotDraft, CopilotStatus } from '../../src-preload/contract'
import { COPILOT_OFF, fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

const SUGGEST: CopilotStatus = { ...COPILOT_OFF, mode: 'suggest', simulated: false, modelLabel: 'fake-model', hasKey: true }
const AUTOPILOT: CopilotStatus = { ...SUGGEST, mode: 'autopilot' }

async function openCall(copilot: CopilotStatus = SUGGEST) {
  const bridge = fakeBridge({
    'copilot.status': () => copilot,
    'copilot.takeOver': ({ callId }) => ({ ...copilot, takenOver: [callId] }),
    'copilot.handBack': () => copilot
  })
  const app = await renderApp(bridge)
  const call = makeCall({ from: '+14155550188' })
  app.emit('call.started', call)
  await app.user.click(screen.getByRole('option'))
  const box = () => screen.getByLabelText<HTMLTextAreaElement>('Reply to caller')
  const openTurn = (turnId = 'turn_1') => app.emit('turn.opened', { turnId, callId: call.id, transcript: 'Table for two?', deadline: inSeconds(20) })
  const draft = (text: string, over: Partial<CopilotDraft> = {}) =>
    app.emit('copilot.draft', { turnId: 'turn_1', callId: call.id, text, done: false, modelLabel: 'fake-model', autopilot: false, ...over })
  const sent = (method: string) => bridge.invokes.filter((i) => i.method === method).map((i) => i.params)
  return { ...app, call, box, openTurn, draft, sent }
}

describe('the copilot draft in the reply box', () => {
  it('streams into the empty box, marked with its model, and Enter sends it as is', async () => {
    const { box, openTurn, draft, user, sent } = await openCall()
    openTurn()
    draft('Yes, ')
    expect(box().value).toBe('Yes, ')
    expect(screen.getByText(/Drafted by/).textContent).toMatch(/^ Drafted by fake-model — writing…/)
    draft('Yes, we have a table at eight.', { done: true })
    expect(box().value).toBe('Yes, we have a table at eight.')
    expect(screen.getByText(/Drafted by/).textContent).not.toContain('writing')
    box().focus()
    await user.keyboard('{Enter}')
    expect(sent('turns.reply')).toEqual([expect.objectContaining({ turnId: 'turn_1', text: 'Yes, we have a table at eight.' })])
    expect(sent('copilot.dismiss')).toEqual([]) // it was finished: nothing to stop
  })

  it('typing edits the draft (the model stops writing it) and Enter sends the edited text', async () => {
    const { box, openTurn, draft, user, sent } = await openCall()
    openTurn()
    draft('We open at')
    await user.type(box(), ' noon.')
    expect(box().value).toBe('We open at noon.')
    expect(sent('copilot.dismiss')).toEqual([{ turnId: 'turn_1' }])
    draft('We open at nine and close late.') // a piece already on its way changes nothing now
    expect(box().value).toBe('We open at noon.')
    await user.keyboard('{Enter}')
    expect(sent('turns.reply')).toEqual([expect.objectContaining({ turnId: 'turn_1', text: 'We open at noon.' })])
  })

  it('Esc clears the draft and keeps it cleared; a second Esc leaves the box', async () => {
    const { box, openTurn, draft, user, sent } = await openCall()
    openTurn()
    draft('Let me check')
    box().focus()
    await user.keyboard('{Escape}')
    expect(box().value).toBe('')
    expect(sent('copilot.dismiss')).toEqual([{ turnId: 'turn_1' }])
    draft('Let me check that for you.', { done: true })
    expect(box().value).toBe('')
    expect(document.activeElement).toBe(box())
    await user.keyboard('{Escape}')
    expect(document.activeElement).not.toBe(box())
    expect(sent('turns.reply')).toEqual([])
  })

  it('never overwrites what the person typed: the draft is offered beside it instead', async () => {
    const { box, openTurn, draft, user, sent } = await openCall()
    await user.type(box(), 'My own words')
    openTurn()
    draft('The model would say this.', { done: true })
    expect(box().value).toBe('My own words')
    const offered = screen.getByText(/drafted:/)
    expect(offered.textContent).toContain('The model would say this.')
    await user.click(within(offered).getByRole('button', { name: 'Use this draft instead' }))
    expect(box().value).toBe('The model would say this.')
    expect(sent('turns.reply')).toEqual([])
  })

  it('shows a failure in plain words and leaves the turn to the person', async () => {
    const { openTurn, draft, box } = await openCall()
    openTurn()
    draft('', { done: true, error: 'The model server is rate-limiting or out of quota (429).' })
    expect(screen.getByRole('alert').textContent).toContain('Copilot: The model server is rate-limiting or out of quota (429). The turn is yours to answer.')
    expect(box().value).toBe('')
  })

  it('only proposes the action the model asked for: pressing it is what transfers', async () => {
    const { openTurn, draft, user, sent, emit } = await openCall()
    emit('call.updated', makeCall({ id: 'call_x' })) // unrelated traffic
    openTurn()
    draft('Connecting you now.', { done: true, action: { type: 'digits', digits: '12#' } })
    expect(sent('turns.reply')).toEqual([])
    await user.click(screen.getByRole('button', { name: /Press the keys/ }))
    expect(sent('turns.reply')).toEqual([expect.objectContaining({ turnId: 'turn_1', digits: '12#' })])
  })

  it('drops the draft when its turn closes', async () => {
    const { openTurn, draft, box, emit, call } = await openCall()
    openTurn()
    draft('Half a')
    emit('turn.closed', { turnId: 'turn_1', callId: call.id, outcome: 'fallback' })
    expect(box().value).toBe('')
    draft('Half a sentence, late.', { done: true })
    expect(box().value).toBe('')
  })
})

describe('autopilot in the call view', () => {
  it('says the model answers and what it is about to say; Take over stops it for this call', async () => {
    const { openTurn, draft, user, sent, box, call } = await openCall(AUTOPILOT)
    openTurn()
    draft('We deliver until ten.', { autopilot: true })
    const bar = screen.getByRole('status', { name: 'Autopilot' })
    expect(bar.textContent).toContain('Autopilot answers this call (fake-model). About to say: We deliver until ten.')
    expect(box().value).toBe('') // its answer is not the person's draft
    await user.click(within(bar).getByRole('button', { name: 'Take over' }))
    expect(sent('copilot.takeOver')).toEqual([{ callId: call.id }])
    expect(screen.getByRole('status', { name: 'Autopilot' }).textContent).toContain('Taken over from autopilot')
  })

  it('Alt+O takes over from the keyboard, even while typing in the reply box', async () => {
    const { openTurn, user, sent, box, call } = await openCall(AUTOPILOT)
    openTurn()
    box().focus()
    await user.keyboard('{Alt>}o{/Alt}')
    expect(sent('copilot.takeOver')).toEqual([{ callId: call.id }])
  })

  it('after a take-over the draft becomes a suggestion in the box, and the call can be handed back', async () => {
    const { openTurn, draft, user, sent, box, call, emit } = await openCall(AUTOPILOT)
    openTurn()
    emit('copilot.status', { ...AUTOPILOT, takenOver: [call.id] })
    draft('We deliver until ten.', { autopilot: false, done: true })
    expect(box().value).toBe('We deliver until ten.')
    const bar = screen.getByRole('status', { name: 'Autopilot' })
    expect(bar.textContent).toContain('Taken over from autopilot')
    await user.click(within(bar).getByRole('button', { name: 'Hand back to autopilot' }))
    expect(sent('copilot.handBack')).toEqual([{ callId: call.id }])
  })

  it("marks the autopilot's lines in the transcript with the model", async () => {
    const { emit, call } = await openCall(AUTOPILOT)
    emit('transcript.turn', { callId: call.id, speaker: 'agent', text: 'We open at noon.', at: new Date().toISOString(), source: 'copilot', model: 'fake-model' })
    const line = within(screen.getByRole('log', { name: 'Transcript' })).getByRole('listitem')
    // The agent's line is named by its agent, as every agent line is.
    expect(line.textContent).toMatch(/^Sandbox Agent.*autopilot · fake-model.*We open at noon\.$/)
  })
})
