import { act, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { messagingBridge } from './helpers/messages-fixtures'
import { renderApp } from './helpers/render-app'

// Typing whole replies key by key takes a while on a busy two-core machine.
vi.setConfig({ testTimeout: 20_000 })

const alert = () => screen.getByRole('region', { name: 'Callers waiting for you' })
const noAlert = () => screen.queryByRole('region', { name: 'Callers waiting for you' })
const at = (agoMs = 0) => new Date(Date.now() - agoMs).toISOString()

/** A caller who spoke, heard the filler, and now waits for a person. */
function callerWaits(emit: Awaited<ReturnType<typeof renderApp>>['emit'], over: { from: string; said: string; deadlineIn: number; turnId: string }) {
  const call = makeCall({ from: over.from })
  emit('call.started', call)
  emit('transcript.turn', { callId: call.id, speaker: 'caller', text: over.said, at: at(200) })
  emit('transcript.turn', { callId: call.id, speaker: 'agent', text: 'One moment, please.', interim: true, at: at(100) })
  emit('turn.opened', { turnId: over.turnId, callId: call.id, transcript: over.said, deadline: inSeconds(over.deadlineIn) })
  return call
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the waiting-turn alert', () => {
  it('shows on another view who waits, for which agent, what they said (not the filler) and a live countdown', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const { emit, user } = await renderApp(messagingBridge())
    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    expect(noAlert()).toBeNull()

    callerWaits(emit, { from: '+14155550166', said: 'Can I change my booking to Friday?', deadlineIn: 20, turnId: 't1' })
    const region = alert()
    expect(region.textContent).toContain('Waiting for you')
    expect(region.textContent).toContain('+1 415 555 0166')
    expect(region.textContent).toContain('to Sandbox Agent')
    expect(within(region).getByText('Can I change my booking to Friday?').tagName).toBe('Q')
    expect(region.textContent).not.toContain('One moment, please.')
    expect(within(region).getByRole('timer').textContent).toBe('20 s left to answer')

    act(() => vi.advanceTimersByTime(3_000))
    expect(within(region).getByRole('timer').textContent).toBe('17 s left to answer')
    expect(within(region).getByRole('button', { name: 'Answer +1 415 555 0166' }).getAttribute('aria-keyshortcuts')).toBe('w')

    emit('turn.closed', { turnId: 't1', callId: 'x', outcome: 'fallback' })
    expect(noAlert()).toBeNull()
  })

  it('Answer opens the call with the reply box focused, and the alert then leaves that call out', async () => {
    const { emit, user } = await renderApp()
    await user.click(screen.getByRole('button', { name: /^Usage/ }))
    const call = callerWaits(emit, { from: '+14155550177', said: 'Is anyone there?', deadlineIn: 20, turnId: 't1' })

    await user.click(within(alert()).getByRole('button', { name: /^Answer/ }))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0177')
    expect(document.activeElement).toBe(document.getElementById(`reply-${call.id}`))
    // The person is answering it already: no alert on top of the Call view for that call.
    expect(noAlert()).toBeNull()
  })

  it('several waiting: the oldest first with a count, and the others one menu item away', async () => {
    const { emit, user } = await renderApp()
    callerWaits(emit, { from: '+14155550111', said: 'First question', deadlineIn: 10, turnId: 't1' })
    const second = callerWaits(emit, { from: '+14155550122', said: 'Second question', deadlineIn: 15, turnId: 't2' })
    callerWaits(emit, { from: '+14155550133', said: 'Third question', deadlineIn: 20, turnId: 't3' })

    expect(within(alert()).getByText('First question')).toBeTruthy()
    const more = within(alert()).getByRole('button', { name: '2 more waiting' })
    // Keyboard only: Enter opens the menu on its first item, Enter again answers that caller.
    more.focus()
    await user.keyboard('{Enter}')
    const items = await screen.findAllByRole('menuitem')
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual(['Answer +1 415 555 0122: Second question', 'Answer +1 415 555 0133: Third question'])
    expect(document.activeElement).toBe(items[0])
    await user.keyboard('{Enter}')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0122')
    expect(document.activeElement).toBe(document.getElementById(`reply-${second.id}`))
    // Answering the second: the alert keeps showing the others, the oldest first.
    expect(within(alert()).getByText('First question')).toBeTruthy()
    expect(within(alert()).getByRole('button', { name: '1 more waiting' })).toBeTruthy()
  })

  it('never takes the keyboard: a half-typed SMS, a reply to another call, and a dialog keep focus and text', async () => {
    const bridge = messagingBridge()
    const { emit, user, store } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: /^Messages/ }))
    await user.click(await screen.findByRole('option', { name: /0999/ }))
    const sms = screen.getByLabelText('Reply by SMS')
    await user.click(sms)
    await user.keyboard('We open at ni')
    callerWaits(emit, { from: '+14155550144', said: 'Hello?', deadlineIn: 20, turnId: 't1' })
    expect(alert()).toBeTruthy()
    expect(document.activeElement).toBe(sms)
    await user.keyboard('ne')
    expect((sms as HTMLTextAreaElement).value).toBe('We open at nine')

    // Answering one caller while another starts waiting.
    const mine = makeCall({ from: '+14155550155' })
    emit('call.started', mine)
    await act(() => store.getState().openCall(mine.id))
    const box = document.getElementById(`reply-${mine.id}`) as HTMLTextAreaElement
    expect(document.activeElement).toBe(box)
    await user.keyboard('Let me check')
    callerWaits(emit, { from: '+14155550156', said: 'Me too', deadlineIn: 25, turnId: 't2' })
    expect(within(alert()).getByRole('button', { name: '1 more waiting' })).toBeTruthy()
    expect(document.activeElement).toBe(box)
    await user.keyboard(' the book')
    expect(box.value).toBe('Let me check the book')

    // A dialog: the Place call form keeps the keyboard.
    await user.click(screen.getByRole('button', { name: /^Monitor/ }))
    await user.click(screen.getByRole('button', { name: /Place call/ }))
    const dialog = await screen.findByRole('dialog')
    const field = within(dialog).getByLabelText('Number to call')
    expect(document.activeElement).toBe(field)
    await user.keyboard('415')
    callerWaits(emit, { from: '+14155550157', said: 'Anyone?', deadlineIn: 30, turnId: 't3' })
    expect(document.activeElement).toBe(field)
    await user.keyboard('555')
    expect((field as HTMLInputElement).value).toContain('415555')
    expect(bridge.methods()).not.toContain('turns.reply')
  })

  it('is announced politely once per turn, not on every tick of its countdown', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    const { emit, store } = await renderApp()
    const region = screen.getByTestId('turn-announcer')
    expect(region.getAttribute('aria-live')).toBe('polite')
    const changes: string[] = []
    const watch = new MutationObserver(() => changes.push(region.textContent ?? ''))
    watch.observe(region, { childList: true, characterData: true, subtree: true })

    const call = callerWaits(emit, { from: '+14155550166', said: 'Can I speak to someone?', deadlineIn: 20, turnId: 't1' })
    act(() => vi.advanceTimersByTime(5_000))
    emit('turn.claimed', { turnId: 't1', callId: call.id, by: 'Grace' })
    emit('call.updated', { ...call, waitingTurn: { turnId: 't1', transcript: 'Can I speak to someone?', deadline: inSeconds(15), claimedBy: 'Grace' } })
    await act(async () => undefined)
    expect(changes).toEqual(['+1 415 555 0166 to Sandbox Agent is waiting for you: Can I speak to someone?'])
    // A caller line that is not a waiting turn is left to the Call view's own announcer.
    emit('transcript.turn', { callId: call.id, speaker: 'caller', text: 'just chatting', at: at() })
    callerWaits(emit, { from: '+14155550177', said: 'Second caller here', deadlineIn: 20, turnId: 't2' })
    await act(async () => undefined)
    watch.disconnect()
    expect(changes).toHaveLength(2)
    expect(region.textContent).toBe('+1 415 555 0177 to Sandbox Agent is waiting for you: Second caller here')
    expect(store.getState().view).toBe('monitor')
  })

  it('keeps the w shortcut: from another view it opens the oldest waiting turn, reply box ready', async () => {
    const { emit, user } = await renderApp(fakeBridge())
    await user.click(screen.getByRole('button', { name: /^Usage/ }))
    const first = callerWaits(emit, { from: '+14155550188', said: 'Oldest', deadlineIn: 8, turnId: 't1' })
    callerWaits(emit, { from: '+14155550199', said: 'Newer', deadlineIn: 18, turnId: 't2' })
    ;(document.activeElement as HTMLElement | null)?.blur()
    await user.keyboard('w')
    expect(document.activeElement).toBe(document.getElementById(`reply-${first.id}`))
    // Now answering the oldest: the alert shows the next one, without the w hint (w would land here).
    expect(within(alert()).getByText('Newer')).toBeTruthy()
    expect(within(alert()).getByRole('button', { name: /^Answer/ }).getAttribute('aria-keyshortcuts')).toBeNull()
  })
})
