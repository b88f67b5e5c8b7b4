/** Walk, part 3: usage counts what the walk did, then the number is released and the agent deleted. */
import { expect } from 'vitest'
import type { DocReleased } from './shapes-doc'
import { RELEASED } from './shapes-doc'
import { DELETED_AGENT, NUMBER_LIMITS, USAGE, USAGE_STATS } from './shapes'
import { expectShape } from './shape'
import type { Step } from './walk'
import { AGENT_NAME, statusOf, step } from './walk'

export const ACCOUNT_STEPS: Array<Step<unknown>> = [
  step({
    name: 'read usage',
    sdk: async (c) => {
      const u = await c.usage.getUsage()
      expectShape(u, USAGE, 'usage')
      // The SDK types `plan` as {name, limits}; the current API sends {name: "payg"} only (§7 #8),
      // so only the name is held to a value here.
      expect(u.plan.name).toBe('payg')
      expectShape(u.numbers, NUMBER_LIMITS, 'usage.numbers')
      expectShape(u.stats, USAGE_STATS, 'usage.stats')
      const daily = await c.usage.getDailyUsage({ days: 1 })
      return { numbers: u.numbers, stats: u.stats, periodStart: u.periodStart, periodEnd: u.periodEnd, daily: daily.data, days: daily.days }
    },
    ours: async (c) => {
      const u = await c.usage.get()
      const daily = await c.usage.daily(1)
      return { numbers: u.numbers, stats: u.stats, periodStart: u.periodStart, periodEnd: u.periodEnd, daily: daily.data, days: daily.days }
    },
    check: (v) => {
      expect(v.numbers).toEqual({ used: 1, limit: 10, remaining: 9 })
      // One SMS, one call and one (test) webhook delivery so far, all of them today.
      expect(v.stats).toMatchObject({
        totalMessages: 1,
        messagesLast24h: 1,
        totalCalls: 1,
        callsLast24h: 1,
        totalWebhookDeliveries: 1,
        successfulWebhookDeliveries: 1,
        failedWebhookDeliveries: 0
      })
      expect(Date.parse(v.periodStart ?? '')).toBeLessThanOrEqual(Date.now())
      expect(Date.parse(v.periodEnd ?? '')).toBeGreaterThan(Date.now())
      expect(v.days).toBe(1)
      expect(v.daily).toEqual([expect.objectContaining({ date: new Date().toISOString().slice(0, 10), messages: 1, calls: 1, webhooks: 1 })])
    }
  }),
  step({
    name: 'release the number',
    sdk: async (c, { state }) => {
      const r = (await c.numbers.deleteNumber({ number_id: state.numberId })) as DocReleased
      expectShape(r, RELEASED, 'released')
      const after = await c.numbers.getNumber({ number_id: state.numberId })
      return { released: r, after: { status: after.status, agentId: after.agentId }, listed: (await c.numbers.listNumbers()).total }
    },
    ours: async (c, { state }) => {
      const r = await c.numbers.release(state.numberId)
      const after = await c.numbers.get(state.numberId)
      return { released: r, after: { status: after.status, agentId: after.agentId }, listed: (await c.numbers.list()).total }
    },
    check: (v, { state }) => {
      expect(v.released).toMatchObject({ success: true, phoneNumber: state.phoneNumber, status: 'released' })
      // Released numbers stay readable by id but leave the list and their agent (§2.3).
      expect(v.after).toEqual({ status: 'released', agentId: null })
      expect(v.listed).toBe(0)
    }
  }),
  step({
    name: 'delete the agent',
    sdk: async (c, { state }) => {
      const r = await c.agents.deleteAgent({ agent_id: state.agentId })
      expectShape(r, DELETED_AGENT, 'deleted agent')
      const afterList = await c.agents.listAgents()
      return { r, afterGet: await statusOf(() => c.agents.getAgent({ agent_id: state.agentId })), afterTotal: afterList.total }
    },
    ours: async (c, { state }) => {
      const r = await c.agents.delete(state.agentId)
      return { r, afterGet: await statusOf(() => c.agents.get(state.agentId)), afterTotal: (await c.agents.list()).total }
    },
    check: (v, { state }) => {
      expect(v.r).toMatchObject({ success: true, id: state.agentId, name: AGENT_NAME })
      expect(v.afterGet).toBe(404)
      expect(v.afterTotal).toBe(0)
    }
  })
]
