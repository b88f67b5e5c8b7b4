import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeBridge, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

const ended = (from: string, endedMinutesAgo: number) =>
  makeCall({ from, status: 'completed', endedAt: new Date(Date.now() - endedMinutesAgo * 60_000).toISOString(), lastWords: `bye from ${from}` }, 10 * 60_000)

describe('Recent calls', () => {
  it('is collapsed; opening it lists past calls from calls.list (no live filter), newest first', async () => {
    const older = ended('+14155550201', 9)
    const newer = ended('+14155550202', 2)
    const live = makeCall()
    const bridge = fakeBridge({ 'calls.list': (p) => (p.live ? { items: [], total: 0 } : { items: [older, live, newer], total: 3 }) })
    const { user } = await renderApp(bridge)
    const toggle = screen.getByRole('button', { name: /Recent calls/ })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(screen.queryByRole('list', { name: 'Recent calls' })).toBeNull()

    await user.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    expect(bridge.invokes).toContainEqual({ method: 'calls.list', params: { limit: 100 } })
    const rows = within(screen.getByRole('list', { name: 'Recent calls' })).getAllByRole('button')
    expect(rows.map((r) => r.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Inbound call, \+1 415 555 0202, agent Sandbox Agent, Ended, 08:00$/),
      expect.stringMatching(/0201/)
    ])
  })

  it('opens a past call in the Call view, with its transcript fetched', async () => {
    const past = ended('+14155550203', 1)
    const bridge = fakeBridge({
      'calls.list': (p) => (p.live ? { items: [], total: 0 } : { items: [past], total: 1 }),
      'calls.get': () => ({ call: past, transcript: [{ callId: past.id, speaker: 'caller', text: 'Thanks, bye', at: past.endedAt ?? '' }] })
    })
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: /Recent calls/ }))
    await user.click(screen.getByRole('button', { name: /0203/ }))
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0203')
    expect(await screen.findByText('Thanks, bye')).toBeTruthy()
    // A finished call has nothing to answer: no reply box takes the room.
    expect(screen.queryByLabelText('Reply to caller')).toBeNull()
    expect(screen.getByRole('button', { name: 'End call' }).hasAttribute('disabled')).toBe(true)
  })

  it('says what to expect when there are none', async () => {
    const { user } = await renderApp()
    await user.click(screen.getByRole('button', { name: /Recent calls/ }))
    expect(screen.getByText(/No ended calls yet/)).toBeTruthy()
  })
})
