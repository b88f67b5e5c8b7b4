import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { BridgeResult, CommandResult } from '../../src-preload/contract'
import { createAppStore } from '../../src-renderer/store/create-store'
import { MAX_TRANSCRIPT_LINES } from '../../src-renderer/store/calls-slice'
import { startStore } from '../../src-renderer/store/start-store'
import { fakeBridge, inSeconds, makeCall, SANDBOX_STATUS } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { LIVE_STATUS } from './helpers/webhooks-fixtures'

describe('store', () => {
  it('loads status, live calls and open turns on start; a waiting call from the list gets its countdown', async () => {
    const waiting = makeCall({ waitingTurn: { turnId: 't1', deadline: inSeconds(20), transcript: 'hi', claimedBy: null } })
    const bridge = fakeBridge({ 'calls.list': () => ({ items: [waiting], total: 1 }) })
    await renderApp(bridge)
    expect(bridge.invokes.slice(0, 3)).toEqual([
      { method: 'app.status', params: {} },
      { method: 'calls.list', params: { live: true } },
      { method: 'turns.list', params: {} }
    ])
    expect(within(screen.getByRole('option')).getByRole('timer')).toBeTruthy()
    expect(screen.getByLabelText('Mode: Sandbox')).toBeTruthy()
    // The sandbox needs no address for webhooks: the header leaves it out (live mode shows it).
    expect(within(screen.getByRole('banner')).queryByText(/127\.0\.0\.1:4100/)).toBeNull()
  })

  it('in live mode, the header says in words where calls and texts arrive, and that no tunnel is set', async () => {
    await renderApp(fakeBridge({ 'app.status': () => LIVE_STATUS }))
    const header = screen.getByRole('banner')
    expect(header.textContent).toContain('Calls and texts arrive at')
    expect(header.textContent).toContain('http://127.0.0.1:4100/webhook (no tunnel set)')
    expect(header.textContent).not.toMatch(/Receiver/)
    // The theme switch says what it is before anyone clicks it.
    expect(within(header).getByRole('button', { name: 'Theme: Same as the system' }).textContent).toContain('Theme')
  })

  it('shows the reconnecting banner while the link is down and reloads everything when it is back', async () => {
    const bridge = fakeBridge()
    await renderApp(bridge)
    expect(screen.queryByRole('alert')).toBeNull()
    act(() => bridge.setConnection('reconnecting'))
    expect(screen.getByRole('alert').textContent).toContain('Disconnected — reconnecting…')
    const before = bridge.invokes.length
    await act(async () => bridge.setConnection('open'))
    expect(screen.queryByRole('alert')).toBeNull()
    // The copilot's status is reloaded too (copilot-settings tests cover it).
    expect(bridge.methods().slice(before).filter((m) => m !== 'copilot.status')).toEqual(['app.status', 'calls.list', 'turns.list', 'team.whoami'])
  })

  it('keeps a call that started while calls.list was in flight, and drops live calls the list no longer has', async () => {
    let answer: (r: BridgeResult<CommandResult<'calls.list'>>) => void = () => undefined
    const gone = makeCall()
    const bridge = fakeBridge()
    const store = createAppStore(bridge, null)
    store.getState().upsertCall(gone)
    const pending = new Promise<BridgeResult<CommandResult<'calls.list'>>>((r) => (answer = r))
    bridge.invoke = (async (method: string) => (method === 'calls.list' ? pending : { ok: true, value: { items: [] } })) as typeof bridge.invoke
    const loading = store.getState().loadCalls()
    const fresh = makeCall()
    store.getState().upsertCall(fresh)
    const listed = makeCall()
    answer({ ok: true, value: { items: [listed], total: 1 } })
    await loading
    expect(Object.keys(store.getState().calls).sort()).toEqual([fresh.id, listed.id].sort())
  })

  it('bounds each transcript', () => {
    const bridge = fakeBridge()
    const store = createAppStore(bridge, null)
    const stop = startStore(store, bridge)
    for (let i = 0; i < MAX_TRANSCRIPT_LINES + 25; i++) {
      bridge.emit('transcript.turn', { callId: 'c', speaker: 'caller', text: `line ${i}`, at: new Date(i).toISOString() })
    }
    const lines = store.getState().transcripts.c ?? []
    expect(lines).toHaveLength(MAX_TRANSCRIPT_LINES)
    expect(lines[0]?.text).toBe('line 25')
    expect(lines.at(-1)?.text).toBe(`line ${MAX_TRANSCRIPT_LINES + 24}`)
    stop()
  })

  it('shows a refused command as a toast', async () => {
    const bridge = fakeBridge({ 'calls.end': () => ({ ok: false, error: { code: 'api_error', message: 'AgentPhone said no' } }) })
    const { user, emit } = await renderApp(bridge)
    emit('call.started', makeCall())
    await user.click(screen.getByRole('option'))
    await user.click(screen.getByRole('button', { name: 'End call' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'End call' }))
    const toasts = screen.getByRole('region', { name: 'Notifications' })
    expect(toasts.textContent).toContain('Ending the call failed: AgentPhone said no')
  })
})

describe('core restarts', () => {
  it('drops the old core’s calls and reloads when app.status reports a new mode', async () => {
    const bridge = fakeBridge()
    const { emit } = await renderApp(bridge)
    emit('call.started', makeCall())
    expect(screen.getAllByRole('option')).toHaveLength(1)
    const before = bridge.invokes.length
    await act(async () => {
      bridge.emit('app.status', { ...SANDBOX_STATUS, mode: 'live', sandbox: null, notice: 'Live mode: connect a tunnel to receive calls.' })
    })
    expect(screen.queryAllByRole('option')).toHaveLength(0)
    // Settings are re-read too (they belong to the restarted core): not part of the board reset.
    expect(bridge.methods().slice(before).filter((m) => m !== 'settings.get' && m !== 'copilot.status')).toEqual(['calls.list', 'turns.list'])
    expect(screen.getByText('Live mode: connect a tunnel to receive calls.')).toBeTruthy()
    expect(screen.queryByRole('complementary', { name: 'Sandbox phone' })).toBeNull()
  })
})
