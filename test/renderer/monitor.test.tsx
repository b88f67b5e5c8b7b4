import { act, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

describe('Monitor', () => {
  it('says what to do when there are no live calls (sandbox mode)', async () => {
    await renderApp()
    expect(screen.getByText('No live calls.')).toBeTruthy()
    // Said once, with what to do next: not the title again.
    expect(screen.getByText(/Dial the Sandbox Agent from the sandbox phone on the right/).textContent).not.toContain('No live calls')
  })

  it('lists calls pushed as call.started, the waiting one first with a countdown', async () => {
    const { emit } = await renderApp()
    const plain = makeCall({ from: '+14155550111' }, 5_000)
    const waiting = makeCall(
      { from: '+14155550122', waitingTurn: { turnId: 'turn_1', deadline: inSeconds(12), transcript: 'hello?', claimedBy: null } },
      60_000
    )
    emit('call.started', plain)
    emit('call.started', waiting)

    const rows = within(screen.getByRole('listbox', { name: 'Live calls' })).getAllByRole('option')
    expect(rows).toHaveLength(2)
    expect(rows[0]?.getAttribute('aria-label')).toMatch(/^Inbound call, \+1 415 555 0122, agent Sandbox Agent, Waiting for you$/)
    expect(rows[1]?.getAttribute('aria-label')).toMatch(/0111.*Live$/)

    const timer = within(rows[0]!).getByRole('timer')
    expect(timer.textContent).toMatch(/^(11|12) s$/)
    expect(timer.getAttribute('data-urgent')).toBe('false')
    expect(within(rows[1]!).queryByRole('timer')).toBeNull()
    // Duration ticks as mm:ss from startedAt (60 s ago).
    expect(within(rows[0]!).getByLabelText('Duration').textContent).toMatch(/^01:0[01]$/)
  })

  it('moves a call up when its turn opens and turns the countdown red under 5 s', async () => {
    const { emit } = await renderApp()
    const a = makeCall({}, 1_000)
    const b = makeCall({}, 90_000)
    emit('call.started', a)
    emit('call.started', b)
    let rows = screen.getAllByRole('option')
    expect(rows[0]?.id).toBe(`call-row-${a.id}`) // newest first while nobody waits

    emit('turn.opened', { turnId: 't_b', callId: b.id, transcript: 'are you there', deadline: inSeconds(3) })
    rows = screen.getAllByRole('option')
    expect(rows[0]?.id).toBe(`call-row-${b.id}`)
    const timer = within(rows[0]!).getByRole('timer')
    expect(timer.getAttribute('data-urgent')).toBe('true')
    expect(timer.className).toContain('countdown--urgent')

    emit('turn.closed', { turnId: 't_b', callId: b.id, outcome: 'replied' })
    expect(within(screen.getAllByRole('option')[1]!).queryByRole('timer')).toBeNull()
  })

  it('keeps an ended call on the board, marked Ended, for 30 s; after that it is in History, which the Monitor links to', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      const { emit } = await renderApp()
      const a = makeCall({ from: '+14155550199' })
      emit('call.started', a)
      expect(screen.getAllByRole('option')).toHaveLength(1)
      emit('call.ended', { ...a, status: 'completed', endedAt: new Date().toISOString() })
      const row = screen.getByRole('option')
      expect(row.getAttribute('aria-label')).toMatch(/0199.*Ended$/)
      expect(screen.getByText('0 live · 0 waiting')).toBeTruthy()

      act(() => vi.advanceTimersByTime(29_000))
      expect(screen.getAllByRole('option')).toHaveLength(1)
      act(() => vi.advanceTimersByTime(1_500))
      expect(screen.queryAllByRole('option')).toHaveLength(0)
      expect(screen.getByRole('button', { name: /Open History/ })).toBeTruthy()
    } finally {
      vi.useRealTimers()
    }
  })

  it('moves the selection with arrow keys and opens the selected call with Enter', async () => {
    const bridge = fakeBridge()
    const { emit, user } = await renderApp(bridge)
    const older = makeCall({ from: '+14155550133' }, 50_000)
    const newer = makeCall({ from: '+14155550144' }, 10_000)
    emit('call.started', older)
    emit('call.started', newer)

    const list = screen.getByRole('listbox', { name: 'Live calls' })
    list.focus()
    expect(list.getAttribute('aria-activedescendant')).toBe(`call-row-${newer.id}`)
    await user.keyboard('{ArrowDown}')
    expect(list.getAttribute('aria-activedescendant')).toBe(`call-row-${older.id}`)
    expect(screen.getByRole('option', { selected: true }).id).toBe(`call-row-${older.id}`)
    await user.keyboard('{Enter}')

    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0133')
    expect(screen.getByRole('button', { name: 'End call' })).toBeTruthy()
    expect(bridge.invokes).toContainEqual({ method: 'calls.get', params: { callId: older.id } })
  })

  it('jumps to the oldest waiting turn with w', async () => {
    const { emit, user } = await renderApp()
    const calm = makeCall({ from: '+14155550155' })
    const soon = makeCall({ from: '+14155550166' })
    const later = makeCall({ from: '+14155550177' })
    for (const c of [calm, soon, later]) emit('call.started', c)
    emit('turn.opened', { turnId: 't_later', callId: later.id, transcript: '', deadline: inSeconds(20) })
    emit('turn.opened', { turnId: 't_soon', callId: soon.id, transcript: '', deadline: inSeconds(8) })

    await user.keyboard('w')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('+1 415 555 0166')
    // The reply box has the focus, ready to type.
    expect(document.activeElement).toBe(screen.getByLabelText('Reply to caller'))
  })
})
