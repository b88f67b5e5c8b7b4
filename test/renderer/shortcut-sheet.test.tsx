import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

describe('keyboard shortcuts', () => {
  it('? opens a sheet listing the app’s shortcuts; Escape closes it', async () => {
    const { user } = await renderApp()
    await user.keyboard('?')
    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' })
    for (const does of ['Open the call whose turn has waited longest', 'Go to Settings', 'Open the selected call', 'End the call (asks first)', 'Place a call', 'Start a new text message']) {
      expect(sheet.textContent).toContain(does)
    }
    // Sequences read as sequences, alternatives as alternatives, chords as chords.
    const row = (does: string) => [...sheet.querySelectorAll('dd')].find((dd) => dd.textContent === does)?.previousElementSibling?.textContent
    expect(row('Go to Settings')).toBe('gthens')
    expect(row('Select the previous or next call')).toBe('↑or↓')
    expect(row('End the call (asks first)')).toBe('Alt+E')
    // The list scrolls inside the dialog on a short window, by keyboard too.
    expect(screen.getByRole('region', { name: 'All shortcuts' }).tabIndex).toBe(0)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('does not open from a text field, and Escape on the sheet leaves an open call open', async () => {
    const bridge = fakeBridge()
    const { user, emit } = await renderApp(bridge)
    const call = makeCall({ from: '+14155550144' })
    emit('call.started', call)
    await user.click(screen.getByRole('option'))
    // The reply box has focus: "?" is just a character there.
    await user.keyboard('?')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByLabelText<HTMLTextAreaElement>('Reply to caller').value).toBe('?')
    await user.click(screen.getByRole('button', { name: /Keys/ }))
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0144')
  })

  it('g then a letter goes to a view; "g w" means Webhooks, not the waiting turn', async () => {
    const empty = () => ({ items: [], total: 0 })
    const { user, emit, store } = await renderApp(fakeBridge({ 'conversations.list': empty, 'webhooks.deliveries': empty }))
    const call = makeCall()
    emit('call.started', call)
    emit('turn.opened', { turnId: 't1', callId: call.id, transcript: '', deadline: inSeconds(20) })
    await user.keyboard('gt')
    expect(store.getState().view).toBe('messages')
    await user.keyboard('gw')
    expect(store.getState().view).toBe('webhooks')
    expect(store.getState().openCallId).toBeNull()
    await user.keyboard('gm')
    expect(screen.getByRole('button', { name: /^Monitor/ }).getAttribute('aria-current')).toBe('page')
    // Escape from the reply box leaves the box; a second Escape goes back to the board.
    await user.keyboard('w')
    expect(document.activeElement).toBe(screen.getByLabelText('Reply to caller'))
    await user.keyboard('{Escape}')
    expect(screen.getByLabelText('Reply to caller')).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(document.activeElement).toBe(screen.getByRole('listbox', { name: 'Live calls' }))
  })
})
