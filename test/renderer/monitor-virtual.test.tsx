import { screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { VIRTUALIZE_FROM } from '../../src-renderer/views/monitor/CallList'
import { inSeconds, makeCall } from './helpers/fake-bridge'
import { useFakeLayout } from './helpers/fake-layout'
import { renderApp } from './helpers/render-app'

// Two hundred calls pushed one by one through act(): 2.5–5 s on a busy two-core machine (main and
// this branch alike), too close to the default 5 s. The test asserts what renders, not how fast.
vi.setConfig({ testTimeout: 20_000 })

describe('Monitor with many calls', () => {
  useFakeLayout(440)

  it('renders only the visible rows of a long board, the waiting call still on top', async () => {
    const { emit } = await renderApp()
    const total = VIRTUALIZE_FROM + 140
    for (let i = 0; i < total; i++) emit('call.started', makeCall({}, i * 1000))
    const waiting = makeCall({ from: '+14155550199' }, 999_000)
    emit('call.started', waiting)
    emit('turn.opened', { turnId: 't_v', callId: waiting.id, transcript: '', deadline: inSeconds(10) })

    const rows = screen.getAllByRole('option')
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(40)
    expect(rows[0]?.id).toBe(`call-row-${waiting.id}`)
    expect(screen.getByText(`${total + 1} live · 1 waiting`)).toBeTruthy()
  })
})
