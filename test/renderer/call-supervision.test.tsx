import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Agent, CallInfo } from '../../src-preload/contract'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { makeSettings } from './helpers/settings'

const agent = (over: Partial<Agent> = {}): Agent => ({ id: 'agt_sandbox', name: 'Sandbox Agent', voiceMode: 'webhook', ...over })

async function openCall(bridge: FakeBridge, call: CallInfo = makeCall({ from: '+14155550188' })) {
  const app = await renderApp(bridge)
  app.emit('call.started', call)
  await app.user.click(screen.getByRole('option'))
  const openTurn = (turnId = 'turn_1') => app.emit('turn.opened', { turnId, callId: call.id, transcript: 'hello', deadline: inSeconds(15) })
  return { ...app, call, openTurn }
}
const sent = (bridge: FakeBridge, method = 'turns.reply') =>
  bridge.invokes
    .filter((i) => i.method === method)
    .map((i) => {
      if (method !== 'turns.reply') return i.params
      const { by, ...rest } = i.params as { by?: string }
      expect(by).toMatch(/\S/) // every reply says who sent it, for claims on a shared hub
      return rest
    })

describe('quick replies', () => {
  const bridge = () => fakeBridge({ 'settings.get': () => makeSettings({ quickReplies: ['One moment.', 'Goodbye!'] }), 'agents.get': () => agent() })

  it('sends a quick reply by button and by Alt+number, honouring "Hang up after speaking"', async () => {
    const b = bridge()
    const { user, openTurn } = await openCall(b)
    openTurn('turn_q')
    await user.click(screen.getByRole('button', { name: 'Quick reply 1: One moment.' }))
    expect(sent(b)).toEqual([{ turnId: 'turn_q', text: 'One moment.' }])
    await user.click(screen.getByRole('checkbox', { name: 'Hang up after speaking' }))
    await user.keyboard('{Alt>}2{/Alt}')
    // Hanging up cannot be undone: the quick reply waits for a yes.
    expect(sent(b)).toHaveLength(1)
    const ask = screen.getByRole('alertdialog', { name: 'Say this and hang up?' })
    expect(ask.textContent).toContain('“Goodbye!”')
    await user.click(within(ask).getByRole('button', { name: 'Say it and hang up' }))
    expect(sent(b)).toEqual([
      { turnId: 'turn_q', text: 'One moment.' },
      { turnId: 'turn_q', text: 'Goodbye!', hangup: true }
    ])
    // There is no ninth reply: Alt+9 does nothing.
    await user.keyboard('{Alt>}9{/Alt}')
    expect(sent(b)).toHaveLength(2)
  })

  it('puts the quick reply into the box, after what is typed, while no turn waits', async () => {
    const b = bridge()
    const { user } = await openCall(b)
    const box = screen.getByLabelText<HTMLTextAreaElement>('Reply to caller')
    await user.type(box, 'Hi.')
    await user.keyboard('{Alt>}1{/Alt}')
    expect(box.value).toBe('Hi. One moment.')
    expect(sent(b)).toEqual([])
  })
})

describe('transfer', () => {
  it('waits for a turn, with the reason; with no transfer number the number must be typed', async () => {
    const b = fakeBridge({ 'agents.get': () => agent({ transferNumber: null }) })
    const { user, openTurn } = await openCall(b)
    const button = await screen.findByRole('button', { name: 'Transfer', description: /wait until the caller finishes/ })
    expect(button.getAttribute('aria-disabled')).toBe('true')
    await user.click(button)
    await user.keyboard('{Alt>}t{/Alt}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    openTurn('turn_n')
    await user.click(button)
    const ask = screen.getByRole('alertdialog', { name: 'Transfer this call?' })
    expect(ask.textContent).toContain('Sandbox Agent has no transfer number yet')
    // Nothing typed: refused here, nothing sent.
    await user.click(within(ask).getByRole('button', { name: 'Transfer' }))
    expect(sent(b)).toEqual([])
    await user.type(within(ask).getByLabelText('Number to transfer to'), '415 555 0177')
    await user.click(within(ask).getByRole('button', { name: 'Transfer to +1 415 555 0177' }))
    expect(sent(b)).toEqual([{ turnId: 'turn_n', action: 'transfer', transferTo: '+14155550177' }])
  })

  it('offers the agent’s transfer number first, or another typed one, and sends only once confirmed', async () => {
    const b = fakeBridge({ 'agents.get': () => agent({ transferNumber: '+14155559999' }) })
    const { user, openTurn } = await openCall(b)
    openTurn('turn_t')
    const button = await screen.findByRole('button', { name: 'Transfer' })
    await user.click(button)
    let ask = screen.getByRole('alertdialog', { name: 'Transfer this call?' })
    expect(within(ask).getByRole<HTMLInputElement>('radio', { name: /Sandbox Agent’s transfer number \+1 415 555 9999/ }).checked).toBe(true)
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(sent(b)).toEqual([])

    // Alt+T asks the same way; the preset goes without a number of its own.
    await user.click(screen.getByLabelText('Reply to caller'))
    await user.keyboard('{Alt>}t{/Alt}')
    ask = screen.getByRole('alertdialog', { name: 'Transfer this call?' })
    await user.click(within(ask).getByRole('button', { name: 'Transfer to +1 415 555 9999' }))
    expect(sent(b)).toEqual([{ turnId: 'turn_t', action: 'transfer' }])
    expect(b.invokes).toContainEqual({ method: 'agents.get', params: { agentId: 'agt_sandbox' } })
  })

  it('says that another number becomes the agent’s transfer number, and checks it as typed', async () => {
    const b = fakeBridge({ 'agents.get': () => agent({ transferNumber: '+14155559999' }) })
    const { user, openTurn } = await openCall(b)
    openTurn('turn_o')
    await user.click(await screen.findByRole('button', { name: 'Transfer' }))
    const ask = screen.getByRole('alertdialog', { name: 'Transfer this call?' })
    await user.click(within(ask).getByRole('radio', { name: 'Another number' }))
    expect(ask.textContent).toContain('this number becomes Sandbox Agent’s transfer number for this transfer; Sandbox Agent’s own comes back when the call has ended')
    await user.type(within(ask).getByLabelText('Number to transfer to'), '+44 20 7946 0958')
    await user.click(within(ask).getByRole('button', { name: 'Transfer to +44 20 7946 0958' }))
    expect(sent(b)).toEqual([{ turnId: 'turn_o', action: 'transfer', transferTo: '+442079460958' }])
  })
})

describe('who answers turns', () => {
  it('switches the call to the fallback line and back with calls.setAnswerer', async () => {
    const b = fakeBridge({ 'agents.get': () => agent() })
    const call = makeCall()
    b.respond('calls.setAnswerer', (p) => ({ ...call, answeredBy: p.answeredBy }))
    const { user } = await openCall(b, call)
    const group = screen.getByRole('group', { name: 'Who answers the caller' })
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: 'Me' }).checked).toBe(true)
    await user.click(within(group).getByRole('radio', { name: 'The fallback line, at once' }))
    expect(sent(b, 'calls.setAnswerer')).toEqual([{ callId: call.id, answeredBy: 'fallback' }])
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: 'The fallback line, at once' }).checked).toBe(true)
    expect(screen.getByText(/The fallback line answers every turn on this call/)).toBeTruthy()
    await user.keyboard('{Alt>}a{/Alt}')
    expect(sent(b, 'calls.setAnswerer')).toEqual([
      { callId: call.id, answeredBy: 'fallback' },
      { callId: call.id, answeredBy: 'human' }
    ])
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: 'Me' }).checked).toBe(true)
  })
})

describe('transcript details', () => {
  it('shows fallback and cancelled closures inline, and confidence when known', async () => {
    const b = fakeBridge({ 'agents.get': () => agent() })
    const { emit, call, openTurn } = await openCall(b)
    const log = screen.getByRole('log', { name: 'Transcript' })
    emit('transcript.turn', { callId: call.id, speaker: 'caller', text: 'Hello?', at: new Date(Date.now() - 2000).toISOString(), confidence: 0.87 })
    openTurn('turn_a')
    emit('turn.closed', { turnId: 'turn_a', callId: call.id, outcome: 'fallback' })
    openTurn('turn_b')
    emit('turn.closed', { turnId: 'turn_b', callId: call.id, outcome: 'cancelled' })
    emit('turn.closed', { turnId: 'turn_x', callId: 'call_elsewhere', outcome: 'fallback' })
    const items = within(log).getAllByRole('listitem')
    expect(items).toHaveLength(3)
    // 87% sure is sure enough to say nothing; the closures say what happened in words.
    expect(items[0]?.textContent).toMatch(/^Caller.*Hello\?$/)
    expect(items[0]?.textContent).not.toMatch(/%|misheard/)
    expect(items[1]?.textContent).toContain('the fallback line answered')
    expect(items[2]?.textContent).toContain('No answer went out')
  })

  it('warns when the caller’s words may be misheard', async () => {
    const b = fakeBridge({ 'agents.get': () => agent() })
    const { emit, call } = await openCall(b)
    emit('transcript.turn', { callId: call.id, speaker: 'caller', text: 'Book for Tuesday', at: new Date().toISOString(), confidence: 0.42 })
    const line = within(screen.getByRole('log', { name: 'Transcript' })).getByRole('listitem')
    expect(line.textContent).toContain('may be misheard (42% sure)')
  })

  it('labels a hosted agent’s lines "AI (simulated)" in the sandbox and offers no reply box', async () => {
    const b = fakeBridge({ 'agents.get': () => agent({ voiceMode: 'hosted' }) })
    const { emit, call } = await openCall(b, makeCall({ voiceMode: 'hosted' }))
    emit('transcript.turn', { callId: call.id, speaker: 'agent', text: 'Welcome!', source: 'hosted', at: new Date().toISOString() })
    const line = within(screen.getByRole('log', { name: 'Transcript' })).getByRole('listitem')
    expect(line.textContent).toMatch(/^Sandbox Agent.*AI \(simulated\).*Welcome!$/)
    expect(screen.queryByLabelText('Reply to caller')).toBeNull()
    expect(screen.getByRole('button', { name: 'End call' }).hasAttribute('disabled')).toBe(false)
  })
})
