/**
 * SMS: every message is threaded into the conversation between one of the account's numbers and
 * one participant; inbound ones become signed `agent.message` deliveries, outbound ones reach the
 * sandbox phone as an `sms` event.
 */
import type { Account } from './account'
import type { SimContext } from './context'
import { isoNow, newId } from './ids'
import { smsEnvelope } from './payloads'
import type { Direction, MessageRec, NumberRec } from './types'

export interface ThreadInput {
  number: NumberRec
  participant: string
  direction: Direction
  body: string
  mediaUrls?: string[]
  at?: string
}

export class Messaging {
  constructor(private readonly ctx: SimContext) {}

  /** Stores a message in its conversation (created on first contact) and bumps the thread. */
  thread(account: Account, input: ThreadInput): MessageRec {
    const at = input.at ?? isoNow(this.ctx.clock)
    let conversation = [...account.conversations.values()].find(
      (c) => c.phoneNumberId === input.number.id && c.participant === input.participant
    )
    if (!conversation) {
      conversation = {
        id: newId('conv_'),
        agentId: input.number.agentId,
        phoneNumberId: input.number.id,
        phoneNumber: input.number.phoneNumber,
        participant: input.participant,
        metadata: null,
        createdAt: at,
        lastMessageAt: at
      }
      account.conversations.set(conversation.id, conversation)
    }
    conversation.lastMessageAt = at
    conversation.agentId = input.number.agentId
    const mediaUrls = input.mediaUrls ?? []
    const inbound = input.direction === 'inbound'
    const msg: MessageRec = {
      id: newId('msg_'),
      conversationId: conversation.id,
      numberId: input.number.id,
      agentId: input.number.agentId,
      from: inbound ? input.participant : input.number.phoneNumber,
      to: inbound ? input.number.phoneNumber : input.participant,
      body: input.body,
      direction: input.direction,
      channel: mediaUrls.length > 0 ? 'mms' : 'sms',
      mediaUrls,
      receivedAt: at
    }
    account.messages.push(msg)
    return msg
  }

  /** An inbound text: stored, then delivered (with retries) to the agent's or project webhook. */
  receive(account: Account, number: NumberRec, from: string, body: string): MessageRec {
    const msg = this.thread(account, { number, participant: from, direction: 'inbound', body })
    const route = account.webhookFor(msg.agentId)
    if (!route) {
      this.ctx.logger.warn('inbound SMS has no webhook to go to', { messageId: msg.id })
      return msg
    }
    const envelope = smsEnvelope(account, msg, route.webhook.contextLimit, msg.receivedAt)
    this.ctx.deliverer.enqueue(account, route, envelope, { eventType: 'agent.message', channel: msg.channel, messageId: msg.id })
    return msg
  }

  /** An outbound text from the API: stored and shown on the sandbox phone. */
  send(account: Account, number: NumberRec, to: string, body: string, mediaUrls: string[]): MessageRec {
    const msg = this.thread(account, { number, participant: to, direction: 'outbound', body, mediaUrls })
    this.ctx.emitter.emit('sms', {
      id: msg.id,
      conversationId: msg.conversationId,
      direction: 'outbound',
      from: msg.from,
      to: msg.to,
      body: msg.body,
      channel: msg.channel,
      at: msg.receivedAt,
      agentId: msg.agentId
    })
    return msg
  }
}
