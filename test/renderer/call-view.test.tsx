import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CallInfo } from '../../src-preload/contract'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { makeSettings } from './helpers/settings'

const TOO_LATE = 'Too late: the turn already closed — your text was kept'

async function openCall(bridge: FakeBridge = fakeBridge(), call: CallInfo = makeCall({ from: '+14155550188' })) {
  const app = await renderApp(bridge)
  app.emit('call.started', call)
  await app.user.click(screen.getByRole('option'))
  const openTurn = (turnId = 'turn_1', seconds = 15) =>
    app.emit('turn.opened', { turnId, callId: call.id, transcript: 'caller text', deadline: inSeconds(seconds) })
  return { ...app, call, openTurn, box: () => screen.getByLabelText<HTMLTextAreaElement>('Reply to caller') }
}

/** The replies sent, each checked to carry who sent it (for claims on a shared hub), without it. */
const replies = (bridge: FakeBridge) =>
  bridge.invokes
    .filter((i) => i.method === 'turns.reply')
    .map((i) => {
      const { by, ...rest } = i.params as { by?: string }
      expect(by).toMatch(/\S/)
      return rest
    })

describe('Call view', () => {
  it('shows transcript.turn lines as they arrive, both sides, interim and source marked', async () => {
    const { emit, call } = await openCall()
    const log = screen.getByRole('log', { name: 'Transcript' })
    expect(within(log).queryAllByRole('listitem')).toHaveLength(0)

    emit('transcript.turn', { callId: call.id, speaker: 'caller', text: 'I need to change my booking', at: new Date().toISOString() })
    let items = within(log).getAllByRole('listitem')
    expect(items).toHaveLength(1)
    expect(items[0]?.textContent).toContain('Caller')
    expect(items[0]?.textContent).toContain('I need to change my booking')
    expect(screen.getByTestId('caller-announcer').textContent).toBe('Caller said: I need to change my booking')

    emit('transcript.turn', { callId: call.id, speaker: 'agent', text: 'One moment…', interim: true, source: 'filler', at: new Date(Date.now() + 1).toISOString() })
    emit('transcript.turn', { callId: 'call_other', speaker: 'caller', text: 'not this call', at: new Date().toISOString() })
    items = within(log).getAllByRole('listitem')
    expect(items).toHaveLength(2)
    // The agent's line is named by its agent; the tags say, in words, what kind of line it is.
    expect(items[1]?.textContent).toMatch(/^Sandbox Agent.*holding line.*more to come.*One moment…$/)
    expect(items[1]?.className).toContain('line--interim')
  })

  it('disables sending while no turn waits, and says so', async () => {
    await openCall()
    expect(screen.getByText(/No turn is waiting for a reply/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true)
    expect(screen.getByRole('button', { name: 'Say now, keep turn open' }).hasAttribute('disabled')).toBe(true)
  })

  it('sends the typed reply on Enter as turns.reply {turnId, text} and clears the box', async () => {
    const bridge = fakeBridge()
    const { user, openTurn, box } = await openCall(bridge)
    openTurn('turn_42')
    expect(screen.getByRole('timer').textContent).toMatch(/^1[45] s left to answer$/)
    await user.type(box(), 'Sure, what is the new date?')
    await user.keyboard('{Enter}')
    expect(replies(bridge)).toEqual([{ turnId: 'turn_42', text: 'Sure, what is the new date?' }])
    expect(box().value).toBe('')
  })

  it('Shift+Enter adds a new line, Ctrl+Enter sends as interim', async () => {
    const bridge = fakeBridge()
    const { user, openTurn, box } = await openCall(bridge)
    openTurn('turn_7')
    await user.type(box(), 'Let me check')
    await user.keyboard('{Shift>}{Enter}{/Shift}')
    expect(replies(bridge)).toEqual([])
    expect(box().value).toBe('Let me check\n')
    await user.type(box(), 'one sec')
    await user.keyboard('{Control>}{Enter}{/Control}')
    expect(replies(bridge)).toEqual([{ turnId: 'turn_7', text: 'Let me check\none sec', interim: true }])
  })

  it('sends hangup with a final reply when "Hang up after speaking" is ticked, only once confirmed', async () => {
    const bridge = fakeBridge()
    const { user, openTurn, box } = await openCall(bridge)
    openTurn('turn_9')
    await user.click(screen.getByRole('checkbox', { name: 'Hang up after speaking' }))
    await user.type(box(), 'Goodbye')
    await user.keyboard('{Enter}')
    // Asked first; Cancel (focused, so a stray Enter lands there) sends nothing and keeps the words.
    let ask = screen.getByRole('alertdialog', { name: 'Say this and hang up?' })
    expect(ask.textContent).toContain('“Goodbye”, then the call ends')
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(replies(bridge)).toEqual([])
    expect(box().value).toBe('Goodbye')

    await user.click(screen.getByRole('button', { name: 'Send and hang up…' }))
    ask = screen.getByRole('alertdialog', { name: 'Say this and hang up?' })
    await user.click(within(ask).getByRole('button', { name: 'Say it and hang up' }))
    expect(replies(bridge)).toEqual([{ turnId: 'turn_9', text: 'Goodbye', hangup: true }])
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('keeps the draft and says it was too late when the core answers turn_closed', async () => {
    const bridge = fakeBridge({
      'turns.reply': () => ({ ok: false, error: { code: 'turn_closed', message: 'the turn already closed' } })
    })
    const { user, openTurn, box } = await openCall(bridge)
    openTurn('turn_5')
    await user.type(box(), 'A careful answer')
    await user.click(screen.getByRole('button', { name: 'Send' }))

    expect(replies(bridge)).toEqual([{ turnId: 'turn_5', text: 'A careful answer' }])
    expect(box().value).toBe('A careful answer')
    expect(screen.getByRole('alert').textContent).toContain(TOO_LATE)
    // The refused turn is gone, so sending waits for the next one.
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true)
  })

  it('presses keypad keys as one reply that keeps the turn open, unless "end turn" is chosen', async () => {
    const bridge = fakeBridge()
    const { user, openTurn } = await openCall(bridge)
    openTurn('turn_d')
    const pad = screen.getByRole('group', { name: 'Reply keypad' })
    const press = async (...names: string[]) => {
      for (const n of names) await user.click(within(pad).getByRole('button', { name: `Digit ${n}` }))
    }
    await press('4', '2', 'hash')
    expect(replies(bridge)).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Press keys' }))
    // Interim: the turn stays open for a spoken answer after the keys.
    expect(replies(bridge)).toEqual([{ turnId: 'turn_d', digits: '42#', interim: true }])
    await press('1')
    await user.click(screen.getByRole('button', { name: 'Press and end turn' }))
    expect(replies(bridge).at(-1)).toEqual({ turnId: 'turn_d', digits: '1' })
  })

  it('ends the call with calls.end only after a yes, by button or Alt+E', async () => {
    const bridge = fakeBridge()
    const { user, call } = await openCall(bridge)
    const ends = () => bridge.invokes.filter((i) => i.method === 'calls.end')
    await user.click(screen.getByRole('button', { name: 'End call' }))
    const ask = screen.getByRole('alertdialog', { name: 'End this call?' })
    expect(ask.textContent).toContain('cannot be undone')
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(ends()).toEqual([])

    await user.click(screen.getByLabelText('Reply to caller'))
    await user.keyboard('{Alt>}e{/Alt}')
    await user.click(within(screen.getByRole('alertdialog', { name: 'End this call?' })).getByRole('button', { name: 'End call' }))
    expect(ends()).toEqual([{ method: 'calls.end', params: { callId: call.id } }])
  })

  it('a call that ends gives its room to the transcript: no reply box, End call off, the words stay', async () => {
    const { emit, call } = await openCall()
    emit('transcript.turn', { callId: call.id, speaker: 'caller', text: 'Thanks, bye', at: new Date().toISOString() })
    expect(screen.getByLabelText('Reply to caller')).toBeTruthy()
    emit('call.ended', { ...call, status: 'completed', endedAt: new Date().toISOString() })
    expect(await screen.findByText('Thanks, bye')).toBeTruthy()
    expect(screen.queryByLabelText('Reply to caller')).toBeNull()
    expect(screen.queryByRole('region', { name: 'Reply' })).toBeNull()
    expect(screen.getByRole('button', { name: 'End call' }).hasAttribute('disabled')).toBe(true)
  })

  it('Alt keys do nothing while typing in the sandbox phone', async () => {
    const bridge = fakeBridge({ 'settings.get': () => makeSettings({ quickReplies: ['One moment, please.'] }) })
    const { user, openTurn } = await openCall(bridge)
    openTurn('turn_q')
    await user.click(screen.getByLabelText('Text as the contact'))
    await user.keyboard('{Alt>}1{/Alt}{Alt>}e{/Alt}{Alt>}t{/Alt}')
    expect(replies(bridge)).toEqual([])
    expect(screen.queryByRole('alertdialog')).toBeNull()
    // In the reply box the same key sends the quick reply.
    await user.click(screen.getByLabelText('Reply to caller'))
    await user.keyboard('{Alt>}1{/Alt}')
    expect(replies(bridge)).toEqual([{ turnId: 'turn_q', text: 'One moment, please.' }])
  })
})

describe('Call view, deadline passing', () => {
  it('says the fallback answered when the turn closes under a half-typed reply, and keeps the text', async () => {
    const bridge = fakeBridge()
    const { user, openTurn, box, emit, call } = await openCall(bridge)
    openTurn('turn_f')
    await user.type(box(), 'Half a tho')
    emit('turn.closed', { turnId: 'turn_f', callId: call.id, outcome: 'fallback' })
    expect(box().value).toBe('Half a tho')
    expect(screen.getByRole('alert').textContent).toContain('the fallback line answered')
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true)
    // The next turn clears the notice and the kept text can go out as its answer.
    openTurn('turn_g')
    expect(screen.queryByRole('alert')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Send' }))
    expect(replies(bridge)).toEqual([{ turnId: 'turn_g', text: 'Half a tho' }])
  })

  it('claims the waiting turn once when the person starts typing, under their name', async () => {
    const bridge = fakeBridge({ 'turns.claim': () => ({ turnId: 'turn_9', callId: 'x', transcript: '', deadline: inSeconds(10), claimedBy: 'Ada' }) })
    const { user, openTurn, box, store } = await openCall(bridge)
    store.getState().setOperator('Ada')
    openTurn('turn_9')
    await user.type(box(), 'On it')
    const claims = bridge.invokes.filter((i) => i.method === 'turns.claim').map((i) => i.params)
    expect(claims).toEqual([{ turnId: 'turn_9', by: 'Ada' }])
  })

  it('says who else is answering and will not send over them', async () => {
    const bridge = fakeBridge()
    const { user, openTurn, box, emit, call } = await openCall(bridge)
    openTurn('turn_5')
    emit('turn.claimed', { turnId: 'turn_5', callId: call.id, by: 'Grace' })
    expect(screen.getByText(/Grace is answering/)).toBeTruthy()
    await user.type(box(), 'Me too')
    expect(screen.getByRole('button', { name: 'Send' }).hasAttribute('disabled')).toBe(true)
    await user.keyboard('{Enter}')
    expect(replies(bridge)).toEqual([])
  })
})

describe('drafts', () => {
  it('survive a reload of the window, and a sent reply is not brought back', async () => {
    const storage = window.localStorage
    storage.clear()
    const call = makeCall({ from: '+14155550199' })
    const first = await renderApp(fakeBridge(), storage)
    first.emit('call.started', call)
    await first.user.click(screen.getByRole('option'))
    await first.user.type(screen.getByLabelText('Reply to caller'), 'Half-typed answer')
    first.unmount()
    first.stop()

    // The window reloads: a new store over the same storage.
    const second = await renderApp(fakeBridge(), storage)
    second.emit('call.started', call)
    await second.user.click(screen.getByRole('option'))
    const box = screen.getByLabelText<HTMLTextAreaElement>('Reply to caller')
    expect(box.value).toBe('Half-typed answer')

    second.emit('turn.opened', { turnId: 'turn_r', callId: call.id, transcript: 'hi', deadline: inSeconds(15) })
    await second.user.click(box)
    await second.user.keyboard('{Enter}')
    expect(box.value).toBe('')
    expect(JSON.parse(storage.getItem('switchboard.drafts') ?? '{}')).toEqual({})
    storage.clear()
  })
})
