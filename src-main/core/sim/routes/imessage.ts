/**
 * The iMessage extras (agentphone-api.md §2.3–§2.5): tapbacks, typing indicators, chat
 * backgrounds and a number's contact card. In the simulator a chat is iMessage when its participant
 * is an email address (messaging.ts); the SMS-only refusals are the documented 400s.
 */
import { z } from 'zod'
import type { SimRuntime } from '../context'
import { HttpError, parseWith } from '../http-errors'
import { newId } from '../ids'
import type { Router } from '../router'
import { Reply } from '../router'
import type { ContactCardRec } from '../types'

const TAPBACKS = ['love', 'like', 'dislike', 'laugh', 'emphasize', 'question'] as const
const smsOnly = (what: string): HttpError => new HttpError(400, `${what} is available on iMessage only; this chat is SMS`)

const CardBody = z.object({
  firstName: z.string().max(100).nullable().optional(),
  lastName: z.string().max(100).nullable().optional(),
  displayName: z.string().max(100).nullable().optional(),
  avatarUrl: z.url().max(2083).nullable().optional()
})

function cardOut(card: ContactCardRec | undefined): Record<string, unknown> {
  return { firstName: card?.firstName ?? null, lastName: card?.lastName ?? null, displayName: card?.displayName ?? null, hasAvatar: Boolean(card?.avatarUrl) }
}

export function imessageRoutes(r: Router, rt: SimRuntime): void {
  r.post('/v1/messages/:messageId/reactions', ({ account, params, body }) => {
    const msg = account.messages.find((m) => m.id === params.messageId)
    if (!msg) throw new HttpError(404, 'Message not found')
    const { reaction } = parseWith(z.object({ reaction: z.string().min(1).max(16) }), body ?? {})
    if (msg.channel !== 'imessage') throw smsOnly('Reactions are')
    // Custom emoji need a newer line than the simulator pretends to have.
    if (!(TAPBACKS as readonly string[]).includes(reaction)) throw new HttpError(400, `Unsupported reaction "${reaction}": use one of ${TAPBACKS.join(', ')}`)
    const rec = rt.messaging.react(account, msg, reaction, 'outbound')
    return { id: rec.id, reaction_type: rec.reactionType, message_id: msg.id, channel: msg.channel }
  })

  r.post('/v1/conversations/:conversationId/typing', ({ account, params }) => {
    const c = account.conversation(params.conversationId!)
    const channel = c.participant.includes('@') ? 'imessage' : 'sms'
    // Best effort in the real API: SMS has no typing indicator, so nothing is sent.
    return { conversationId: c.id, channel, status: channel === 'imessage' ? 'sent' : 'unsupported' }
  })

  r.post('/v1/conversations/:conversationId/background', ({ account, params, body }) => {
    const c = account.conversation(params.conversationId!)
    const { image_url } = parseWith(z.object({ image_url: z.url({ protocol: /^https$/ }).max(2083) }), body ?? {})
    if (!c.participant.includes('@')) throw smsOnly('A chat background is')
    // Setting the image already shown changes nothing, as the real endpoint reports with `changed`.
    const changed = c.background?.url !== image_url
    if (changed) c.background = { id: newId('bg_'), version: (c.background?.version ?? 0) + 1, url: image_url }
    const bg = c.background!
    return { conversationId: c.id, channel: 'imessage', hasBackground: true, backgroundId: bg.id, backgroundVersion: bg.version, changed }
  })

  r.delete('/v1/conversations/:conversationId/background', ({ account, params }) => {
    account.conversation(params.conversationId!).background = null
    return new Reply(204, undefined)
  })

  r.get('/v1/numbers/:numberId/contact-card', ({ account, params }) => cardOut(account.contactCards.get(account.number(params.numberId!).id)))

  r.put('/v1/numbers/:numberId/contact-card', ({ account, params, body }) => {
    const number = account.number(params.numberId!)
    const b = parseWith(CardBody, body ?? {})
    const card: ContactCardRec = { firstName: b.firstName ?? null, lastName: b.lastName ?? null, displayName: b.displayName ?? null, avatarUrl: b.avatarUrl ?? null }
    account.contactCards.set(number.id, card)
    return cardOut(card)
  })

  r.delete('/v1/numbers/:numberId/contact-card', ({ account, params }) => {
    account.contactCards.delete(account.number(params.numberId!).id)
    return new Reply(204, undefined)
  })
}
