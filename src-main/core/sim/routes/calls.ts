/** `/v1/calls…` (agentphone-api.md §2.6): list with filters, detail, transcript, SSE, place, end. */
import { randomBytes } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { z } from 'zod'
import { newestFirst } from '../account'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import { SANDBOX_CONTACT, isE164, normalizePhone } from '../ids'
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
  disableRecording: z.boolean().optional(),
  // The vendor's MCP client sends these: block until the call ends, at most maxWaitSeconds (§2.6, §9.4).
  waitForCompletion: z.boolean().optional(),
  maxWaitSeconds: z.number().int().min(10).max(600).optional()
})

const WebCallBody = z.object({
  agentId: z.string().min(1),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
  variables: z.record(z.string(), z.string().nullable()).nullable().optional()
})
const WEB_TOKEN_SECONDS = 30

const WaitQuery = z.object({
  wait: z.enum(['true', 'false', '1', '0']).optional(),
  timeout: z.coerce.number().int().min(10).max(300).default(120)
})

/**
 * Aborts when the client gives up on a long-poll, so its waiter is dropped at once. The response's
 * `close` is the one to watch: a request's own `close` fires as soon as its body has been read.
 */
function closedSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController()
  res.once('close', () => controller.abort())
  return controller.signal
}

/** Fills `{{name}}` placeholders, as the real API does for prompts and greetings. */
function fill(text: string | null | undefined, vars: Record<string, string | null> | null | undefined): string | null | undefined {
  if (!text || !vars) return text
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => vars[name] ?? whole)
}

export function callRoutes(r: Router, rt: SimRuntime): void {
  r.get('/v1/calls', ({ account, query, base }) => {
    const f = parseWith(ListQuery, query, 'query')
    const search = f.search?.replace(/\s/g, '')
    const list = newestFirst(account.calls.values(), (c) => c.startedAt).filter(
      (c) =>
        (!f.status || c.status === f.status) &&
        (!f.direction || c.direction === f.direction) &&
        (!f.type || (f.type === 'web') === (c.direction === 'web')) &&
        (!search || c.fromNumber.includes(search) || c.toNumber.includes(search))
    )
    return page(
      list.map((c) => callSummaryOut(c, base)),
      offsetPaging(query)
    )
  })

  r.post('/v1/calls', async ({ account, body, base, res }) => {
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
    const outbound = {
      agent,
      number,
      toNumber,
      initialGreeting: fill(b.initialGreeting, b.variables),
      systemPrompt: fill(b.systemPrompt, b.variables),
      disableRecording: b.disableRecording ?? false
    }
    const call = rt.calls.placeOutbound(account, outbound, toNumber === SANDBOX_CONTACT)
    if (b.waitForCompletion) {
      await rt.calls.whenEnded(call, (b.maxWaitSeconds ?? 300) * 1000, closedSignal(res))
      return callDetailOut(call, base)
    }
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

  // `?wait=true&timeout=N` long-polls: answers when the call ends or after N seconds (10–300, default 120).
  r.get('/v1/calls/:callId', async ({ account, params, query, base, res }) => {
    const call = account.call(params.callId!)
    const q = parseWith(WaitQuery, { wait: query.wait, timeout: query.timeout }, 'query')
    if (q.wait === 'true' || q.wait === '1') await rt.calls.whenEnded(call, q.timeout * 1000, closedSignal(res))
    return callDetailOut(call, base)
  })

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
    streamTranscript(rt, account, account.call(params.callId!), req, res)
    return HANDLED
  })

  // A browser call: the token is good for 30 s; the simulator has no browser client, so the call
  // it registers ends unjoined when the token expires (Retell's `registered_call_timeout`).
  r.post('/v1/calls/web', ({ account, body }) => {
    const b = parseWith(WebCallBody, body ?? {})
    const agent = account.agent(b.agentId)
    const call = rt.calls.create(account, {
      agentId: agent.id,
      phoneNumberId: null,
      phoneNumber: null,
      fromNumber: 'web',
      toNumber: 'web',
      direction: 'web',
      status: 'ringing',
      answeredAt: null,
      hosted: agent.voiceMode === 'hosted',
      systemPrompt: agent.systemPrompt,
      greeting: fill(agent.beginMessage, b.variables) ?? null
    })
    rt.calls.expireUnjoined(account, call, WEB_TOKEN_SECONDS * 1000)
    return { accessToken: `wct_${randomBytes(18).toString('base64url')}`, callId: call.id, agentId: agent.id, expiresInSeconds: WEB_TOKEN_SECONDS }
  })

  // The answer shows `ending`; the final status is already stored when the client next reads it.
  r.post('/v1/calls/:callId/end', ({ account, params, base }) => {
    const call = account.call(params.callId!)
    if (call.status !== 'in-progress' && call.status !== 'ringing') throw new HttpError(409, `Call is not in progress (status: ${call.status})`)
    const snapshot = { ...callDetailOut(call, base), status: 'ending' }
    rt.calls.end(account, call, 'api_end')
    return snapshot
  })
}
