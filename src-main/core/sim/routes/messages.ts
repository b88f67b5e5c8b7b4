/**
 * `POST /v1/messages` (snake_case in and out, agentphone-api.md §2.4) and `/v1/conversations…`
 * (§2.5). Sending picks the sender by `from_number`, then `number_id`, then `agent_id`.
 */
import { z } from 'zod'
import { newestFirst } from '../account'
import type { Account } from '../account'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import { isE164, normalizePhone } from '../ids'
import type { Router } from '../router'
import { offsetPaging, page, timePage } from '../router'
import { isImessageRecipient } from '../messaging'
import { conversationMessageOut, conversationOut } from '../serialize'
import type { NumberRec } from '../types'

const SendBody = z
  .object({
    body: z.string().max(10000),
    to_number: z.string().min(1).nullable().optional(),
    recipients: z.array(z.string()).nullable().optional(),
    agent_id: z.string().nullable().optional(),
    number_id: z.string().nullable().optional(),
    from_number: z.string().nullable().optional(),
    media_url: z.string().nullable().optional(),
    media_urls: z.array(z.string()).min(1).max(20).nullable().optional(),
    send_style: z.string().optional(),
    reply_to_message_id: z.string().nullable().optional()
  })
  .refine((b) => Boolean(b.to_number) !== Boolean(b.recipients), { message: 'Provide exactly one of to_number or recipients', path: ['to_number'] })
  .refine((b) => !(b.media_url && b.media_urls), { message: 'media_url and media_urls are mutually exclusive', path: ['media_urls'] })

function sender(account: Account, b: z.infer<typeof SendBody>): NumberRec {
  if (b.from_number) {
    const n = account.numberByPhone(normalizePhone(b.from_number))
    if (!n) throw new HttpError(404, 'from_number is not one of your active numbers')
    return n
  }
  if (b.number_id) {
    const n = account.number(b.number_id)
    if (n.status !== 'active') throw new HttpError(400, 'Phone number has been released')
    return n
  }
  if (b.agent_id) {
    const n = account.numbersOf(account.agent(b.agent_id).id)[0]
    if (!n) throw new HttpError(400, 'Agent has no phone number attached')
    return n
  }
  throw new HttpError(400, 'One of agent_id, number_id or from_number is required to pick the sending number')
}

export function messageRoutes(r: Router, rt: SimRuntime): void {
  r.post('/v1/messages', ({ account, body }) => {
    const b = parseWith(SendBody, body ?? {})
    if (b.recipients) throw new HttpError(400, 'iMessage groups are not available in the simulator; send to one to_number')
    const number = sender(account, b)
    const raw = (b.to_number ?? '').trim()
    // An email address can only be reached over iMessage; anything else must be a phone number.
    const to = isImessageRecipient(raw) ? raw : normalizePhone(raw)
    if (!isImessageRecipient(to) && !isE164(to)) throw new HttpError(422, [{ loc: ['body', 'to_number'], msg: 'to_number must be a phone number', type: 'value_error' }])
    if (!b.body && !b.media_url && !b.media_urls) throw new HttpError(400, 'A message needs a body or media')
    const media = b.media_urls ?? (b.media_url ? [b.media_url] : [])
    // A threaded reply names a message of the same chat; one it cannot find is still sent, unthreaded.
    const parent = b.reply_to_message_id ? account.messages.find((m) => m.id === b.reply_to_message_id && m.numberId === number.id && (m.from === to || m.to === to)) : undefined
    const msg = rt.messaging.send(account, number, to, b.body, media, parent?.id ?? null)
    return {
      id: msg.id,
      status: 'sent',
      channel: msg.channel,
      from_number: msg.from,
      to_number: msg.to,
      conversation_id: msg.conversationId,
      media_urls: msg.mediaUrls,
      reply_to_message_id: b.reply_to_message_id ?? null,
      reply_parent_unresolved: b.reply_to_message_id ? !parent : null
    }
  })

  r.get('/v1/conversations', ({ account, query }) => {
    const list = newestFirst(account.conversations.values(), (c) => c.lastMessageAt)
    return page(
      list.map((c) => conversationOut(account, c)),
      offsetPaging(query)
    )
  })

  r.get('/v1/conversations/:conversationId', ({ account, params, query }) => {
    const c = account.conversation(params.conversationId!)
    const { message_limit } = parseWith(z.object({ message_limit: z.coerce.number().int().min(1).max(100).default(50) }), query, 'query')
    const { lastMessagePreview: _preview, ...summary } = conversationOut(account, c)
    const messages = newestFirst(account.messagesOf(c.id), (m) => m.receivedAt).slice(0, message_limit)
    return { ...summary, messages: messages.map((m) => conversationMessageOut(account, m)) }
  })

  // `metadata` replaces the whole stored object (null clears); fields not sent are left alone.
  r.patch('/v1/conversations/:conversationId', ({ account, params, body }) => {
    const c = account.conversation(params.conversationId!)
    const b = parseWith(z.object({ metadata: z.record(z.string(), z.unknown()).nullable().optional(), group_name: z.string().max(200).optional() }), body ?? {})
    if (b.group_name !== undefined) throw new HttpError(400, 'group_name applies to iMessage groups only')
    if (b.metadata !== undefined) c.metadata = b.metadata
    const { lastMessagePreview: _preview, ...summary } = conversationOut(account, c)
    const messages = newestFirst(account.messagesOf(c.id), (m) => m.receivedAt).slice(0, 50)
    return { ...summary, messages: messages.map((m) => conversationMessageOut(account, m)) }
  })

  r.get('/v1/conversations/:conversationId/messages', ({ account, params, query }) => {
    const c = account.conversation(params.conversationId!)
    const list = newestFirst(account.messagesOf(c.id), (m) => m.receivedAt)
    const p = timePage(list, (m) => m.receivedAt, query)
    return { data: p.data.map((m) => conversationMessageOut(account, m)), hasMore: p.hasMore }
  })
}
