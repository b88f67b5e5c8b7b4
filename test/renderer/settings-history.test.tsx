import { act, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { CallInfo, CommandParams, HistoryStatus, Settings } from '../../src-preload/contract'
import { fakeBridge } from './helpers/fake-bridge'
import type { FakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { SETTINGS } from './helpers/webhooks-fixtures'

const KEPT: HistoryStatus = { retentionDays: 90, files: 3, bytes: 3 * 1024 * 1024, oldestAt: '2026-01-02T10:00:00.000Z' }

function call(id: string, status: CallInfo['status']): CallInfo {
  return {
    id,
    agentId: 'agt_1',
    agentName: 'Front desk',
    voiceMode: 'webhook',
    direction: 'inbound',
    from: '+14155550123',
    to: '+14155550100',
    status,
    startedAt: '2026-01-02T10:00:00.000Z',
    endedAt: status === 'completed' ? '2026-01-02T10:05:00.000Z' : null,
    lastWords: 'Hello',
    answeredBy: 'human',
    waitingTurn: null
  }
}

function historyBridge(): FakeBridge {
  let current: Settings = { ...SETTINGS }
  let kept = KEPT
  return fakeBridge({
    'settings.get': () => current,
    'settings.update': (patch: CommandParams<'settings.update'>) => (current = { ...current, ...patch }),
    'history.status': () => ({ ...kept, retentionDays: current.historyRetentionDays }),
    'history.clear': () => {
      kept = { ...kept, files: 1, bytes: 120, oldestAt: null }
      return { removedFiles: 3 }
    },
    'calls.list': () => ({ items: [call('call_live', 'in-progress'), call('call_old', 'completed')], total: 2 })
  })
}

async function openHistory(bridge: FakeBridge) {
  const app = await renderApp(bridge)
  await app.user.click(screen.getByRole('button', { name: 'Settings' }))
  const section = (await screen.findByRole('heading', { name: 'History' })).closest('section')!
  await within(section).findByText(/3\.0 MiB of history in 3 files/)
  return { ...app, section }
}

describe('Settings › History', () => {
  it('saves the retention period and refuses one that is not a whole number of days', async () => {
    const bridge = historyBridge()
    const { user, section } = await openHistory(bridge)
    const field = within(section).getByLabelText('Keep history for (days)')
    await user.clear(field)
    await user.type(field, '0')
    await user.click(within(section).getByRole('button', { name: 'Save retention' }))
    expect(within(section).getByRole('alert').textContent).toContain('whole number of days from 1 to 3650')
    expect(bridge.invokes.some((i) => i.method === 'settings.update')).toBe(false)
    await user.clear(field)
    await user.type(field, '30')
    await user.click(within(section).getByRole('button', { name: 'Save retention' }))
    expect(bridge.invokes.filter((i) => i.method === 'settings.update').map((i) => i.params)).toEqual([{ historyRetentionDays: 30 }])
    expect(within(section).getByText('Saved: history is kept for 30 days.')).toBeTruthy()
  })

  it('asks before clearing, clears only when confirmed, and the board drops ended calls', async () => {
    const bridge = historyBridge()
    const { user, section, store } = await openHistory(bridge)
    expect(Object.keys(store.getState().calls).sort()).toEqual(['call_live', 'call_old'])

    await user.click(within(section).getByRole('button', { name: 'Clear history…' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Clear history?' })
    expect(dialog.textContent).toContain('Calls that are live now stay')
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(bridge.invokes.some((i) => i.method === 'history.clear')).toBe(false)

    await user.click(within(section).getByRole('button', { name: 'Clear history…' }))
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Clear history' }))
    expect(bridge.invokes.filter((i) => i.method === 'history.clear')).toHaveLength(1)
    await within(section).findByText('No history is kept yet.')
    act(() => bridge.emit('history.cleared', { at: '2026-01-03T00:00:00.000Z' }))
    expect(Object.keys(store.getState().calls)).toEqual(['call_live'])
  })
})
