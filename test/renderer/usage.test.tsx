import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { ChartPoint } from '../../src-renderer/views/usage/usage-data'
import { describeSeries, parseSummary, summarize, toDailyPoints, toMonthlyPoints } from '../../src-renderer/views/usage/usage-data'
import { fakeBridge, makeCall } from './helpers/fake-bridge'
import { renderApp } from './helpers/render-app'

// recharts needs a real layout (jsdom has none; the e2e test draws the real chart). The stand-in
// shows what the lazily loaded chart was handed, so the mapping into it is still checked.
vi.mock('../../src-renderer/views/usage/UsageBarChart', () => ({
  default: ({ points }: { points: ChartPoint[] }) => <span data-testid="drawn">{points.map((p) => `${p.label}:${p.calls}/${p.messages}`).join(' ')}</span>
}))

const SUMMARY = {
  plan: { name: 'payg' },
  numbers: { used: 3, limit: 10, remaining: 7 },
  stats: {
    callsLast24h: 2, callsLast7d: 9, callsLast30d: 31, totalCalls: 40,
    messagesLast24h: 5, messagesLast7d: 12, messagesLast30d: 44, totalMessages: 50,
    totalWebhookDeliveries: 120, successfulWebhookDeliveries: 117, failedWebhookDeliveries: 3
  }
}

function daily(days: number) {
  return Array.from({ length: days }, (_, i) => ({ date: `2026-03-${String(i + 1).padStart(2, '0')}`, calls: i === 1 ? 4 : 1, messages: 2, webhooks: 0 }))
}

describe('usage data mapping', () => {
  it('orders daily rows by date and labels them as UTC calendar days', () => {
    const points = toDailyPoints([
      { date: '2026-03-02', calls: 4, messages: 1, webhooks: 9 },
      { date: '2026-03-01', calls: 1, messages: 0, webhooks: 0 }
    ])
    expect(points).toEqual([
      { key: '2026-03-01', label: 'Mar 1', calls: 1, messages: 0, minutes: 0 },
      { key: '2026-03-02', label: 'Mar 2', calls: 4, messages: 1, minutes: 0 }
    ])
  })

  it('labels months and reads a missing or broken count as zero', () => {
    const rows = [{ month: '2026-01', calls: 3, messages: -2, webhooks: 0 }, { month: '2025-12', calls: Number.NaN, messages: 7, webhooks: 0 }]
    expect(toMonthlyPoints(rows)).toEqual([
      { key: '2025-12', label: 'Dec 2025', calls: 0, messages: 7, minutes: 0 },
      { key: '2026-01', label: 'Jan 2026', calls: 3, messages: 0, minutes: 0 }
    ])
  })

  it('totals a series and names its busiest point in the sentence screen readers hear', () => {
    const points = toDailyPoints(daily(3))
    expect(summarize(points)).toMatchObject({ calls: 6, messages: 6, busiest: { key: '2026-03-02' } })
    expect(describeSeries(points, 'in the last 3 days')).toBe('6 calls and 6 messages in the last 3 days; busiest: Mar 2 (4 calls, 2 messages).')
    expect(describeSeries(toDailyPoints([{ date: '2026-03-01', calls: 0, messages: 0, webhooks: 0 }]), 'today')).toBe('No calls or messages today.')
  })

  it('keeps a stat the API did not send as unknown, not zero (older and newer shapes differ)', () => {
    const s = parseSummary({ numbers: { used: 2 }, stats: { callsLast24h: 1 } })
    expect(s.numbers).toEqual({ used: 2, limit: null, remaining: null })
    expect(s.stats.callsLast24h).toBe(1)
    expect(s.stats.failedWebhookDeliveries).toBeNull()
    expect(parseSummary('nonsense').stats.totalCalls).toBeNull()
  })
})

describe('Usage view', { timeout: 20_000 }, () => {
  it('shows the totals as a stat grid and each chart’s values in an accessible table', async () => {
    const bridge = fakeBridge({
      'usage.summary': () => SUMMARY,
      'usage.daily': ({ days = 30 }) => ({ data: daily(days) }),
      'usage.monthly': () => ({ data: [{ month: '2026-02', calls: 10, messages: 20, webhooks: 0 }, { month: '2026-03', calls: 31, messages: 44, webhooks: 0 }] })
    })
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: 'Usage' }))

    const numbers = await screen.findByRole('region', { name: 'Numbers' })
    expect(within(numbers).getByText('3 / 10')).toBeTruthy()
    const hooks = screen.getByRole('region', { name: 'Webhook deliveries' })
    expect(within(hooks).getByText('117')).toBeTruthy()
    expect(within(hooks).getByText('3')).toBeTruthy()
    expect(within(screen.getByRole('region', { name: 'Calls' })).getByText('31')).toBeTruthy()

    const perDay = screen.getByRole('figure', { name: 'Calls and messages per day' })
    expect(perDay.getAttribute('aria-describedby')).toBeTruthy()
    expect(within(perDay).getByText(/33 calls and 60 messages in the last 30 days; busiest: Mar 2/)).toBeTruthy()
    expect(within(perDay).getAllByRole('row')).toHaveLength(31)
    expect((await within(perDay).findByTestId('drawn')).textContent).toMatch(/^Mar 1:1\/2 Mar 2:4\/2 Mar 3:1\/2 /)
    const feb = within(screen.getByRole('figure', { name: 'Calls and messages per month' })).getByRole('row', { name: /Feb 2026/ })
    expect(within(feb).getAllByRole('cell').map((c) => c.textContent)).toEqual(['10', '20', '0'])
    expect(bridge.invokes.find((i) => i.method === 'usage.monthly')?.params).toEqual({ months: 12 })

    await user.click(screen.getByRole('radio', { name: '7 days' }))
    expect(bridge.invokes.filter((i) => i.method === 'usage.daily').at(-1)?.params).toEqual({ days: 7 })
    await waitFor(() => expect(within(perDay).getAllByRole('row')).toHaveLength(8))
    expect(within(perDay).getByText(/in the last 7 days/)).toBeTruthy()
  })

  it('says what to do when nothing has happened yet, and shows a failed load with a retry', async () => {
    let fail = true
    const bridge = fakeBridge({
      'usage.summary': () => (fail ? { ok: false, error: { code: 'api_error', status: 503, message: 'upstream unavailable' } } : SUMMARY),
      'usage.daily': () => ({ data: [{ date: '2026-03-01', calls: 0, messages: 0, webhooks: 0 }] }),
      'usage.monthly': () => ({ data: [] })
    })
    const { user } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: 'Usage' }))
    expect((await screen.findByRole('alert')).textContent).toContain('upstream unavailable')
    expect(screen.getByText(/Dial the Sandbox Agent/)).toBeTruthy()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('region', { name: 'Numbers' })).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('counts call minutes, breaks usage down per agent and per number, and refreshes as calls end and texts arrive', async () => {
    let calls = 1
    const bridge = fakeBridge({
      'usage.summary': () => ({ ...SUMMARY, stats: { ...SUMMARY.stats, callsLast30d: calls } }),
      'usage.daily': () => ({ data: [{ date: '2026-03-01', calls, messages: 0, webhooks: 0, voiceMinutes: 3 * calls }] }),
      'usage.monthly': () => ({ data: [] }),
      'usage.byAgent': ({ period }) => ({ data: [{ agentId: 'agt_1', agentName: `Sales (${period})`, calls, messages: 2, minutes: 7 }, { agentId: null, agentName: 'Unassigned', calls: 0, messages: 1, minutes: 0 }] }),
      'usage.byNumber': () => ({ data: [{ numberId: 'num_1', phoneNumber: '+14155550100', agentName: 'Sales', calls, messages: 3 }] })
    })
    const { user, emit } = await renderApp(bridge)
    await user.click(screen.getByRole('button', { name: 'Usage' }))
    const perDay = await screen.findByRole('figure', { name: 'Calls and messages per day' })
    expect(within(perDay).getByText(/1 call \(3 call minutes\) and 0 messages/)).toBeTruthy()
    expect(within(within(perDay).getByRole('row', { name: /Mar 1/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '0', '3'])

    const perAgent = await screen.findByRole('figure', { name: 'Per agent' })
    expect(within(perAgent).getByRole('row', { name: /Sales \(month\)/ })).toBeTruthy()
    expect(within(within(perAgent).getByRole('row', { name: /Sales/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '2', '7'])
    await user.click(screen.getByRole('radio', { name: 'Year' }))
    await within(perAgent).findByRole('row', { name: /Sales \(year\)/ })
    const perNumber = screen.getByRole('figure', { name: 'Per number' })
    expect(within(within(perNumber).getByRole('row', { name: /\+1 415 555 0100/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['1', '3'])

    // A call ends: the counts are asked for again and move without a reload.
    calls = 2
    emit('call.ended', { ...makeCall(), status: 'completed', endedAt: new Date().toISOString() })
    await waitFor(() => expect(within(within(perDay).getByRole('row', { name: /Mar 1/ })).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '0', '6']), { timeout: 3000 })
    expect(within(within(perNumber).getByRole('row', { name: /\+1 415 555 0100/ })).getAllByRole('cell')[0]!.textContent).toBe('2')
  })
})
