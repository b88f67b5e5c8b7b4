import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fakeBridge, inSeconds, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

const at = (agoMs: number) => new Date(Date.now() - agoMs).toISOString()

describe("the Monitor's caller-said column", () => {
  it('shows what the caller said last, not the filler or the agent line that followed it', async () => {
    const { emit } = await renderApp()
    const call = makeCall()
    emit('call.started', call)
    const row = () => screen.getByRole('option')
    expect(row().querySelector('.cell--words')?.textContent).toBe('The caller has not spoken yet')

    emit('transcript.turn', { callId: call.id, speaker: 'agent', text: 'Hello, how can I help?', at: at(3000) })
    expect(row().querySelector('.cell--words')?.textContent).toBe('The caller has not spoken yet')
    emit('transcript.turn', { callId: call.id, speaker: 'caller', text: 'Where is my order?', at: at(2000) })
    emit('transcript.turn', { callId: call.id, speaker: 'agent', text: 'One moment, please.', interim: true, at: at(1000) })
    emit('turn.opened', { turnId: 't1', callId: call.id, transcript: 'Where is my order?', deadline: inSeconds(20) })
    expect(row().querySelector('.cell--words')?.textContent).toBe('Where is my order?')
    expect(within(row()).queryByText(/One moment/)).toBeNull()
  })

  it('in a window opened mid-call, takes the waiting turn’s words, then the core’s last words', async () => {
    const waiting = makeCall({ lastWords: 'One moment, please.', waitingTurn: { turnId: 't1', transcript: 'Can I pay by card?', deadline: inSeconds(20), claimedBy: null } })
    const talking = makeCall({ lastWords: 'Thanks, bye.' })
    const { store } = await renderApp(fakeBridge({ 'calls.list': () => ({ items: [waiting, talking], total: 2 }) }))
    const words = (id: string) => document.getElementById(`call-row-${id}`)?.querySelector('.cell--words')?.textContent
    expect(words(waiting.id)).toBe('Can I pay by card?')
    expect(words(talking.id)).toBe('Thanks, bye.')
    expect(Object.keys(store.getState().transcripts)).toEqual([])
  })
})
