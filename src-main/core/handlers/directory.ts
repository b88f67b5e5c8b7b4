import { normalizePhone } from '../agentphone/phone'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/** Agents, numbers and usage: thin passes to the API that keep the agent cache fresh. */
export function directoryHandlers(ctx: SessionContext): HandlerMap {
  const refreshAgents = () => void ctx.directory.refresh().catch(() => undefined)
  return {
    'agents.list': async ({ limit = 100, offset = 0 }) => {
      const page = await ctx.api.agents.list({ limit, offset })
      for (const agent of page.data) ctx.directory.remember(agent)
      return { items: page.data, total: page.total }
    },
    'agents.get': async ({ agentId }) => {
      const agent = await ctx.api.agents.get(agentId)
      ctx.directory.remember(agent)
      return agent
    },
    'agents.create': async (p) => {
      const agent = await ctx.api.agents.create({
        ...p,
        ...(p.transferNumber ? { transferNumber: normalizePhone(p.transferNumber) } : {})
      })
      ctx.directory.remember(agent)
      return agent
    },
    'agents.update': async ({ agentId, ...patch }) => {
      const transfer = patch.transferNumber ? { transferNumber: normalizePhone(patch.transferNumber) } : {}
      const agent = await ctx.api.agents.update(agentId, { ...patch, ...transfer })
      ctx.directory.remember(agent)
      return agent
    },
    'agents.delete': async ({ agentId }) => {
      const result = await ctx.api.agents.delete(agentId)
      ctx.directory.forget(agentId)
      return { success: result.success !== false }
    },
    'agents.voices': async () => ({ items: (await ctx.api.agents.voices()).data }),

    'numbers.list': async ({ limit = 100, offset = 0 }) => {
      const page = await ctx.api.numbers.list({ limit, offset })
      return { items: page.data, total: page.total ?? page.data.length }
    },
    'numbers.buy': async (p) => {
      const number = await ctx.api.numbers.buy(p)
      if (p.agentId) refreshAgents()
      return number
    },
    'numbers.release': async ({ numberId }) => {
      const result = await ctx.api.numbers.release(numberId)
      refreshAgents()
      return { success: result.success !== false }
    },
    'numbers.attach': async ({ numberId, agentId }) => {
      const result = await ctx.api.agents.attachNumber(agentId, numberId)
      refreshAgents()
      return result
    },
    'numbers.detach': async ({ numberId, agentId }) => {
      const result = await ctx.api.agents.detachNumber(agentId, numberId)
      refreshAgents()
      return { success: result.success !== false }
    },

    'usage.summary': async () => ctx.api.usage.get(),
    'usage.daily': async ({ days = 30 }) => ({ data: (await ctx.api.usage.daily(days)).data }),
    'usage.monthly': async ({ months = 6 }) => ({ data: (await ctx.api.usage.monthly(months)).data })
  }
}
