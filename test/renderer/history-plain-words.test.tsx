import { act, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { HistoryCall, TranscriptTurn } from '../../src-preload/contract'
import { startHashRouter } from '../../src-renderer/lib/hash-router'
import { VIEWS } from '../../src-renderer/views/registry'
import { fakeBridge, makeCall } from './helpers/fake-bridge'
import { useFakeLayout } from './helpers/fake-layout'
import { renderApp } from './helpers/render-app'

/** An outbound call the person placed, finished, as History lists it. */
const past: HistoryCall = {
  ...makeCall({ id: 'call_out', direction: 'outbound', from: '+14155550100', to: '+14155550142', status: 'completed', endedAt: '2026-11-20T12:01:00.000Z' }),
  durationSeconds: 60,
  responders: ['Grace'],
  hasRecording: false,
  tags: [],
  hasNote: false,
  known: 'both'
}

const lines: TranscriptTurn[] = [
  { callId: 'call_out', speaker: 'caller', text: 'Who is this?', at: '2026-11-20T12:00:05.000Z', source: 'caller' },
  { callId: 'call_out', speaker: 'agent', text: 'One moment please', at: '2026-11-20T12:00:06.000Z', source: 'filler' },
  { callId: 'call_out', speaker: 'agent', text: 'It is the clinic', at: '2026-11-20T12:00:08.000Z', source: 'human', by: 'Grace', interim: true }
]

function historyBridge(notesSet: (note: string) => void = () => {}) {
  return fakeBridge({
    'agents.list': () => ({ items: [], total: 0 }),
    'numbers.list': () => ({ items: [], total: 0 }),
    'calls.history': () => ({ items: [past], nextCursor: null, total: 1 }),
    'calls.get': () => ({ call: past, transcript: lines }),
    'calls.recording': () => ({ audio: null }),
    'notes.get': () => ({ callId: 'call_out', note: '', tags: [], updatedAt: null }),
    'notes.set': (p) => {
      notesSet(p.note ?? '')
      return { callId: p.callId, note: p.note ?? '', tags: p.tags ?? [], updatedAt: '2026-11-20T13:00:00.000Z' }
    }
  })
}

const stops: Array<() => void> = []
beforeEach(() => history.replaceState(null, '', '/'))
afterEach(() => stops.splice(0).forEach((s) => s()))

describe('History in plain words, keeping your place', () => {
  useFakeLayout(600)

  it('says "1 call", names the person called as the live call did, and keeps the id behind a Copy button', async () => {
    const { user } = await renderApp(historyBridge())
    await user.click(screen.getByRole('button', { name: 'History' }))
    expect(await screen.findByText('1 of 1 call')).toBeTruthy()
    await user.click(await screen.findByRole('option', { name: /^Outbound call/ }))

    const heading = await screen.findByRole('heading', { level: 1, name: /Person called/ })
    expect(heading.textContent).toContain('+1 415 555 0142')
    expect(screen.queryByText('call_out')).toBeNull()
    expect(screen.getByRole('button', { name: 'Copy call ID' })).toBeTruthy()

    const log = screen.getByRole('log', { name: 'Transcript' })
    const [asked, holding, said] = within(log).getAllByRole('listitem')
    expect(asked!.textContent).toContain('Person called')
    expect(asked!.textContent).not.toContain('Caller')
    expect(holding!.textContent).toContain('holding line')
    expect(said!.textContent).toContain('Grace')
    expect(said!.textContent).toContain('more to come')
    expect(log.textContent).not.toMatch(/filler|interim/)
  })

  it('gives a call read afterwards its own address: a refresh reopens it, Back returns to the list', async () => {
    history.replaceState(null, '', '/#/history/call_out')
    const app = await renderApp(historyBridge())
    stops.push(startHashRouter(app.store, Object.keys(VIEWS)))
    await screen.findByRole('heading', { level: 1, name: /Person called/ })
    expect(location.hash).toBe('#/history/call_out')

    await app.user.click(screen.getByRole('button', { name: /Back to History/ }))
    await screen.findByRole('heading', { level: 1, name: 'History' })
    expect(location.hash).toBe('#/history')
    await app.user.click(await screen.findByRole('option', { name: /^Outbound call/ }))
    await screen.findByRole('heading', { level: 1, name: /Person called/ })
    expect(location.hash).toBe('#/history/call_out')

    act(() => history.back())
    await screen.findByRole('heading', { level: 1, name: 'History' })
    expect(app.store.getState().afterCall).toBeNull()
  })

  it('asks before a note not saved is lost going back to the list; Stay keeps the words', async () => {
    const saved: string[] = []
    const { user, store } = await renderApp(historyBridge((n) => saved.push(n)))
    await user.click(screen.getByRole('button', { name: 'History' }))
    await user.click(await screen.findByRole('option', { name: /^Outbound call/ }))
    await user.type(await screen.findByRole('textbox', { name: /Note/ }), 'Call back Monday')

    await user.click(screen.getByRole('button', { name: /Back to History/ }))
    const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' })
    expect(ask.textContent).toContain('the note on this call')
    await user.click(within(ask).getByRole('button', { name: 'Stay and save' }))
    expect(store.getState().afterCall?.callId).toBe('call_out')
    expect((screen.getByRole('textbox', { name: /Note/ }) as HTMLTextAreaElement).value).toBe('Call back Monday')

    // Leaving for another view asks too; once saved, nothing asks.
    await user.click(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: /^Agents/ }))
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Stay and save' }))
    expect(store.getState().view).toBe('history')
    await user.click(screen.getByRole('button', { name: 'Save note' }))
    await waitFor(() => expect(saved).toEqual(['Call back Monday']))
    await user.click(screen.getByRole('button', { name: /Back to History/ }))
    await screen.findByRole('heading', { level: 1, name: 'History' })
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })
})
