import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

describe('Monitor announcer', () => {
  it('reads out a turn that starts waiting, with whose call it is, and stays quiet for other lines', async () => {
    const { emit } = await renderApp()
    const call = makeCall({ from: '+14155550166' })
    emit('call.started', call)
    const region = screen.getByTestId('monitor-announcer')
    expect(region.getAttribute('aria-live')).toBe('polite')

    emit('transcript.turn', { callId: call.id, speaker: 'caller', text: 'just chatting', at: new Date().toISOString() })
    expect(region.textContent).toBe('')

    emit('turn.opened', { turnId: 'turn_a', callId: call.id, transcript: 'Can I speak to someone?', deadline: inSeconds(20) })
    expect(region.textContent).toMatch(/^\+1 415 555 0166 to Sandbox Agent is waiting for you: Can I speak to someone\?$/)
  })
})
