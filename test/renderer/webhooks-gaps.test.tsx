import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Gap } from '../../src-preload/contract'
import { fakeBridge } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'
import { LIVE_STATUS } from './helpers/webhooks-fixtures'

/** Today at hh:mm local time, so the banner shows the time without a date. */
function today(h: number, m: number): string {
  const d = new Date()
  d.setHours(h, m, 0, 0)
  return d.toISOString()
}

const call = (id: string) => ({ id, from: '+14155550111', to: '+14155550100', direction: 'inbound', status: 'completed', startedAt: today(10, 30) })
const sms = (id: string, body: string) => ({ id, conversationId: 'conv_1', direction: 'inbound' as const, from: '+14155550122', to: '+14155550100', body, channel: 'sms', at: today(10, 40) })

const GAP: Gap = { id: 'gap_1', from: today(10, 2), to: today(11, 15), calls: [call('call_a'), call('call_b'), call('call_c')], messages: [sms('msg_1', 'Are you open?'), sms('msg_2', 'Hello?')] }

describe('gap banner on the Monitor', () => {
  it('names the stretch and what arrived meanwhile, lists it on demand, and can be dismissed', async () => {
    const bridge = fakeBridge({ 'app.status': () => LIVE_STATUS, 'app.gaps': () => ({ items: [GAP] }) })
    const { user, emit } = await renderApp(bridge)
    const banner = await screen.findByRole('region', { name: 'Missed while not receiving' })
    expect(banner.textContent).toContain('Switchboard was not receiving from 10:02 to 11:15 — 3 calls and 2 messages arrived at AgentPhone meanwhile')

    await user.click(within(banner).getByRole('button', { name: 'Show what was missed' }))
    const items = within(banner).getAllByRole('listitem')
    expect(items).toHaveLength(5)
    expect(items.some((li) => li.textContent?.includes('call_b'))).toBe(true)
    expect(items.some((li) => li.textContent?.includes('“Are you open?”'))).toBe(true)

    await user.click(within(banner).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('region', { name: 'Missed while not receiving' })).toBeNull()

    // A new gap after dismissing brings the banner back, with only the new gap.
    emit('app.gap', { id: 'gap_2', from: today(12, 0), to: today(12, 30), calls: [call('call_d')], messages: [] })
    expect(screen.getByRole('region', { name: 'Missed while not receiving' }).textContent).toContain('from 12:00 to 12:30 — 1 call arrived')
  })

  it('does not ask for gaps in sandbox mode, where nothing can be missed', async () => {
    const bridge = fakeBridge()
    await renderApp(bridge)
    expect(bridge.methods()).not.toContain('app.gaps')
    expect(screen.queryByRole('region', { name: 'Missed while not receiving' })).toBeNull()
  })
})
