/** `/v1/calls…` (agentphone-api.md §2.6): list with filters, detail, transcript, SSE, place, end. */
import { z } from 'zod'
import { newestFirst } from '../account'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import { isE164, normalizePhone } from '../ids'
import type { Router } from '../router'
import { HANDLED, offsetPaging, page } from '../router'
import { callDetailOut, callSummaryOut, transcriptPairs } from '../serialize'
import { streamTranscript } from '../sse'

const ListQuery = z.object({
  status: z.enum(['ringing', 'in-progress', 'ending', 'completed', 'failed', 'busy', 'no-answer']).optional(),
  direction: z.enum(['inbound', 'outbound', 'web']).optional(),
  type: z.enum(['pstn', 'web']).optional(),
  search: z.string().max(100).optional()
})

const PlaceBody = z.object({
  agentId: z.string().min(1),
  toNumber: z.string().min(1).max(40),
  fromNumberId: z.string().nullable().optional(),
  initialGreeting: z.string().max(2000).nullable().optional(),
  voice: z.string().nullable().optional(),
  systemPrompt: z.string().max(50000).nullable().optional(),
  modelTier: z.enum(['turbo', 'balanced', 'max']).optional(),
  variables: z.record(z.string(), z.string().nullable()).nullable().optional(),
  callScreeningIdentity: z.string().max(100).nullable().optional(),
  callScreeningPurpose: z.string().max(300).nullable().optional(),
  disableRecording: z.boolean().optional()
})

/** Fills `{{name}}` placeholders, as the real API does for prompts and greetings. */
function fill(text: string | null | undefined, vars: Record<string, string | null> | null | undefined): string | null | undefined {
  if (!text || !vars) return text
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole)
}

export function callRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/calls', ({ account, query }) => {
    const f = parseWith(ListQuery, query, 'query')
    const search = f.search?.replace(/\s/g, '')
    const list = newestFirst(account.calls.values(), (c) => c.startedAt).filter(
      (c) =>
        (!f.status || c.status === f.status) &&
        (!f.direction || c.direction === f.direction) &&
        f.type !== 'web' &&
        (!search || c.fromNumber.includes(search) || c.toNumber.includes(search))
    )
    return page(list.map(callSummaryOut), offsetPaging(query))
  })

  r.post('/v1/calls', ({ account, body }) => {
    const b = parseWith(PlaceBody, body ?? {})
    const agent = account.agent(b.agentId)
    const toNumber = normalizePhone(b.toNumber)
    if (!isE164(toNumber)) throw new HttpError(422, [{ loc: ['body', 'toNumber'], msg: 'toNumber must be a phone number in E.164 format', type: 'value_error' }])
    if (/^\+1?(911|[2-9]11)$/.test(toNumber)) throw new HttpError(403, 'Calls to emergency and N11 numbers are not allowed')
    const own = account.numbersOf(agent.id)
    const number = b.fromNumberId ? own.find((n) => n.id === b.fromNumberId) : own[0]
    if (!number) {
      throw new HttpError(400, b.fromNumberId ? 'fromNumberId is not one of this agent\'s numbers' : 'Agent has no phone number attached')
    }
    const call = rt.calls.placeOutbound(account, {
      agent,
      number,
      toNumber,
      initialGreeting: fill(b.initialGreeting, b.variables),
      systemPrompt: fill(b.systemPrompt, b.variables)
    })
    return {
      id: call.id,
      agentId: call.agentId,
      phoneNumberId: call.phoneNumberId,
      fromNumber: call.fromNumber,
      toNumber: call.toNumber,
      direction: 'outbound',
      status: call.status,
      startedAt: call.startedAt,
      retellCallId: null
    }
  })

  r.get('/v1/calls/:callId', ({ account, params }) => callDetailOut(account.call(params.callId!)))

  // Both documented shapes at once: REST-md's `transcript` turns and SKILL-0.4's `data` pairs.
  r.get('/v1/calls/:callId/transcript', ({ account, params }) => {
    const call = account.call(params.callId!)
    return {
      callId: call.id,
      status: call.status,
      transcript: call.turns.map((t) => ({ role: t.role, content: t.content, createdAt: t.createdAt, ...(t.interim ? { interim: true } : {}) })),
      data: transcriptPairs(call)
    }
  })

  r.get('/v1/calls/:callId/transcript/stream', ({ account, params, req, res }) => {
    streamTranscript(rt, account.call(params.callId!), req, res)
    return HANDLED
  })

  // The answer shows `ending`; the final status is already stored when the client next reads it.
  r.post('/v1/calls/:callId/end', ({ account, params }) => {
    const call = account.call(params.callId!)
    if (call.status !== 'in-progress' && call.status !== 'ringing') throw new HttpError(409, `Call is not in progress (status: ${call.status})`)
    const snapshot = { ...callDetailOut(call), status: 'ending' }
    rt.calls.end(account, call, 'api_end')
    return snapshot
  })
}
