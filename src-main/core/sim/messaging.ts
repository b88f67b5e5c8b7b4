/**
 * SMS: every message is threaded into the conversation between one of the account's numbers and
 * one participant; inbound ones become signed `agent.message` deliveries, outbound ones reach the
 * sandbox phone as an `sms` event.
 */
import type { Account } from './account'
import type { SimContext } from './context'
import { isoNow, newId } from './ids'
import { reactionEnvelope, smsEnvelope } from './payloads'
import type { Direction, MessageRec, NumberRec, ReactionRec } from './types'

/** Only iMessage reaches an email address; the simulator's one sign that a recipient is on iMessage. */
export const isImessageRecipient = (participant: string): boolean => participant.includes('@')

export interface ThreadInput {
  number: NumberRec
  participant: string
  direction: Direction
  body: string
  mediaUrls?: string[]
  at?: string
  replyTo?: string | null
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
      channel: isImessageRecipient(input.participant) ? 'imessage' : mediaUrls.length > 0 ? 'mms' : 'sms',
      mediaUrls,
      receivedAt: at,
      replyTo: input.replyTo ?? null,
      reactions: []
    }
    account.messages.push(msg)
    this.ctx.changed()
    return msg
  }

  /** An inbound text: stored, then delivered (with retries) to the agent's or project webhook. */
  receive(account: Account, number: NumberRec, from: string, body: string, mediaUrls: string[] = []): MessageRec {
    const msg = this.thread(account, { number, participant: from, direction: 'inbound', body, mediaUrls })
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
  send(account: Account, number: NumberRec, to: string, body: string, mediaUrls: string[], replyTo: string | null = null): MessageRec {
    const msg = this.thread(account, { number, participant: to, direction: 'outbound', body, mediaUrls, replyTo })
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

  /**
   * A tapback on `msg`. Outbound ones (the API's `POST /v1/messages/{id}/reactions`) are only stored;
   * inbound ones (the contact reacting) are delivered as a signed `agent.reaction`.
   */
  react(account: Account, msg: MessageRec, reactionType: string, direction: Direction): ReactionRec {
    const conversation = account.conversation(msg.conversationId)
    const ours = conversation.phoneNumber
    const reaction: ReactionRec = {
      id: newId('rxn_'),
      reactionType,
      fromNumber: direction === 'inbound' ? conversation.participant : ours,
      direction,
      createdAt: isoNow(this.ctx.clock)
    }
    ;(msg.reactions ??= []).push(reaction)
    this.ctx.changed()
    const route = direction === 'inbound' ? account.webhookFor(msg.agentId) : null
    if (route) {
      this.ctx.deliverer.enqueue(account, route, reactionEnvelope(account, msg, reaction, reaction.createdAt), {
        eventType: 'agent.reaction',
        channel: 'imessage',
        messageId: msg.id
      })
    }
    return reaction
  }
}
