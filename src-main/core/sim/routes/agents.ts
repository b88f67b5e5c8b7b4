/** `/v1/agents…` (agentphone-api.md §2.2). The agents list alone has `{data, total}` and no `hasMore`. */
import { z } from 'zod'
import { newestFirst } from '../account'
import { CreateAgentBody, UpdateAgentBody, createAgent, updateAgent } from '../agent-store'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import type { Router } from '../router'
import { offsetPaging, page } from '../router'
import { agentNumberOut, agentOut, callSummaryOut, conversationOut } from '../serialize'
import { VOICES } from './voices'

export function agentRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/agents/voices', () => ({ data: VOICES }))

  r.get('/v1/agents', ({ account, query }) => {
    const p = offsetPaging(query)
    const all = newestFirst(account.agents.values(), (a) => a.createdAt)
    return { data: all.slice(p.offset, p.offset + p.limit).map((a) => agentOut(account, a)), total: all.length }
  })

  r.post('/v1/agents', ({ account, body }) => agentOut(account, createAgent(rt, account, parseWith(CreateAgentBody, body ?? {}))))

  r.get('/v1/agents/:agentId', ({ account, params }) => agentOut(account, account.agent(params.agentId!)))

  r.patch('/v1/agents/:agentId', ({ account, params, body }) => {
    const agent = account.agent(params.agentId!)
    updateAgent(agent, parseWith(UpdateAgentBody, body ?? {}))
    return agentOut(account, agent)
  })

  // History stays: numbers, calls and conversations keep existing with agentId set to null.
  r.delete('/v1/agents/:agentId', ({ account, params }) => {
    const agent = account.agent(params.agentId!)
    for (const n of account.numbers.values()) if (n.agentId === agent.id) n.agentId = null
    for (const c of account.calls.values()) if (c.agentId === agent.id) c.agentId = null
    for (const c of account.conversations.values()) if (c.agentId === agent.id) c.agentId = null
    account.agentWebhooks.delete(agent.id)
    account.agents.delete(agent.id)
    return { success: true, id: agent.id, name: agent.name }
  })

  r.post('/v1/agents/:agentId/numbers', ({ account, params, body }) => {
    const agent = account.agent(params.agentId!)
    const { numberId } = parseWith(z.object({ numberId: z.string().min(1) }), body ?? {})
    const number = account.number(numberId)
    if (number.status !== 'active') throw new HttpError(400, 'Phone number has been released')
    number.agentId = agent.id
    return { agentId: agent.id, number: agentNumberOut(number) }
  })

  r.delete('/v1/agents/:agentId/numbers/:numberId', ({ account, params }) => {
    const agent = account.agent(params.agentId!)
    const number = account.number(params.numberId!)
    if (number.agentId !== agent.id) throw new HttpError(404, 'Phone number is not attached to this agent')
    number.agentId = null
    return { success: true }
  })

  r.get('/v1/agents/:agentId/calls', ({ account, params, query, base }) => {
    const agent = account.agent(params.agentId!)
    const calls = newestFirst([...account.calls.values()].filter((c) => c.agentId === agent.id), (c) => c.startedAt)
    return page(calls.map((c) => callSummaryOut(c, base)), offsetPaging(query))
  })

  // The agent variant of the conversation summary has fewer fields than /v1/conversations.
  r.get('/v1/agents/:agentId/conversations', ({ account, params, query }) => {
    const agent = account.agent(params.agentId!)
    const list = newestFirst([...account.conversations.values()].filter((c) => c.agentId === agent.id), (c) => c.lastMessageAt)
    return page(
      list.map((c) => {
        const o = conversationOut(account, c)
        return {
          id: o.id,
          agentId: o.agentId,
          phoneNumberId: o.phoneNumberId,
          phoneNumber: o.phoneNumber,
          participant: o.participant,
          lastMessageAt: o.lastMessageAt,
          lastMessagePreview: o.lastMessagePreview,
          messageCount: o.messageCount,
          createdAt: o.createdAt
        }
      }),
      offsetPaging(query)
    )
  })
}
