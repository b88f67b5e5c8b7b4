import { act, screen, within } from '@testing-library/react'
import { summaryOf } from '../../src-renderer/store/webhooks-slice'
import { describe, expect, it } from 'vitest'
import type { CallInfo, CommandParams, Delivery, TranscriptTurn } from '../../src-preload/contract'
import { fakeBridge } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { makeDelivery } from './helpers/webhooks-fixtures'

function call(id: string, over: Partial<CallInfo> = {}): CallInfo {
  return {
    id,
    agentId: 'agt_1',
    agentName: 'Front desk',
    voiceMode: 'webhook',
    direction: 'outbound',
    from: '+14155550100',
    to: '+14155550123',
    status: 'in-progress',
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    endedAt: null,
    lastWords: null,
    answeredBy: 'human',
    waitingTurn: null,
    ...over
  }
}

describe('a replay of a refused delivery asks first and is marked', () => {
  function bridgeWith(items: Delivery[]): FakeBridge {
    return fakeBridge({
      'webhooks.deliveries': () => ({ items: items.map(summaryOf), total: items.length }),
      'webhooks.replay': (p: CommandParams<'webhooks.replay'>) => makeDelivery({ id: 'dlv_new', replayed: true, unverified: p.allowUnverified === true }, 0)
    })
  }

  it('opens a confirmation for a refused delivery; Cancel sends nothing, confirming sends it as unverified', async () => {
    const refused = makeDelivery({ id: 'dlv_refused', outcome: 'refused', reason: 'bad_signature', status: 401 }, 1000)
    const bridge = bridgeWith([refused])
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: 'Webhooks' }))
    await user.click(await screen.findByRole('option', { name: /Refused: bad signature/ }))
    const detail = screen.getByRole('region', { name: 'Delivery details' })
    await user.click(within(detail).getByRole('button', { name: 'Replay' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Replay an unverified delivery?' })
    expect(dialog.textContent).toContain('bad_signature')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(bridge.invokes.filter((i) => i.method === 'webhooks.replay')).toEqual([])

    await user.click(within(detail).getByRole('button', { name: 'Replay' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Replay it anyway' }))
    expect(bridge.invokes.filter((i) => i.method === 'webhooks.replay').map((i) => i.params)).toEqual([{ deliveryId: 'dlv_refused', allowUnverified: true }])
    const replayed = await screen.findByRole('option', { name: /replayed, unverified/ })
    expect(within(replayed).getByText('Unverified')).toBeTruthy()
  })

  it('replays an accepted delivery at once, without asking', async () => {
    const accepted = makeDelivery({ id: 'dlv_ok' }, 1000)
    const bridge = bridgeWith([accepted])
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: 'Webhooks' }))
    await user.click(within(await screen.findByRole('listbox', { name: 'Deliveries' })).getByRole('option', { name: /Verified/ }))
    await user.click(within(screen.getByRole('region', { name: 'Delivery details' })).getByRole('button', { name: 'Replay' }))
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(bridge.invokes.filter((i) => i.method === 'webhooks.replay').map((i) => i.params)).toEqual([{ deliveryId: 'dlv_ok' }])
  })
})

describe('how a call ended, in the call lists and the transcript', () => {
  it('says the outcome in the live row and in History, and never "not spoken yet" for an ended call', async () => {
    const ringing = call('call_ringing', { status: 'ringing' })
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString()
    const busy = call('call_busy', { status: 'failed', startedAt: longAgo, endedAt: longAgo, outcome: { kind: 'busy', label: 'Busy', detail: null } })
    const bridge = fakeBridge({
      'calls.list': () => ({ items: [call('call_live'), ringing, busy], total: 3 }),
      'calls.history': () => ({ items: [{ ...busy, durationSeconds: 0, responders: [], hasRecording: false, tags: [], hasNote: false, known: 'both' as const }], nextCursor: null }),
      'agents.list': () => ({ items: [], total: 0 }),
      'numbers.list': () => ({ items: [], total: 0 })
    })
    const { user, emit } = await renderApp(bridge)
    const row = await screen.findByRole('option', { name: /Ringing$/ })
    expect(row.textContent).toContain('The caller has not spoken yet')
    emit('call.ended', { ...ringing, status: 'failed', endedAt: new Date().toISOString(), outcome: { kind: 'declined', label: 'Declined', detail: null } })
    const ended = screen.getByRole('option', { name: /Declined$/ })
    expect(ended.textContent).toContain('The caller said nothing')
    expect(ended.textContent).not.toContain('not spoken yet')
    expect(screen.getByRole('option', { name: /Live$/ }).textContent).toContain('The caller has not spoken yet')

    await user.click(screen.getByRole('button', { name: /Open History/ }))
    const past = await within(await screen.findByRole('listbox', { name: 'Calls' })).findByRole('option', { name: /, Busy, / })
    expect(past.textContent).toContain('Busy')
  })

  it('shows the outcome line in the transcript as the call ending, not as the agent speaking', async () => {
    const ended = call('call_ended', { status: 'completed', endedAt: new Date().toISOString(), outcome: { kind: 'transferred', label: 'Transferred to +14155550199', detail: '+14155550199' } })
    const transcript: TranscriptTurn[] = [
      { callId: 'call_ended', speaker: 'agent', text: 'Hi, this is the clinic.', at: ended.startedAt, source: 'greeting' },
      { callId: 'call_ended', speaker: 'system', text: 'Transferred to +14155550199', at: ended.endedAt!, source: 'outcome' }
    ]
    const bridge = fakeBridge({ 'calls.list': () => ({ items: [ended], total: 1 }), 'calls.get': () => ({ call: ended, transcript }) })
    const { user, store } = await renderApp(bridge)
    await act(async () => {
      await store.getState().openCall('call_ended')
    })
    const log = await screen.findByRole('log', { name: 'Transcript' })
    const items = within(log).getAllByRole('listitem')
    expect(items.map((i) => i.textContent)).toEqual([expect.stringMatching(/^Front desk.*greeting.*Hi, this is the clinic\.$/), expect.stringMatching(/^Call ended.*Transferred to \+1 415 555 0199$/)])
    void user
  })
})
