import type { Message } from '../../../src-preload/contract'
import { normalizePhone } from '../agentphone/phone'
import { CoreError } from '../errors'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

export function messagingHandlers(ctx: SessionContext): HandlerMap {
  return {
    'messages.send': async ({ toNumber, body, agentId, numberId }) => {
      const to = normalizePhone(toNumber)
      if (!agentId && !numberId) {
        throw new CoreError('invalid_params', 'Choose the agent or the number to send from.')
      }
      // Never retried automatically: the person sees the failure and chooses to retry.
      const sent = await ctx.api.messages.send({ toNumber: to, body, ...(agentId ? { agentId } : {}), ...(numberId ? { numberId } : {}) })
      const message: Message = {
        id: sent.id,
        conversationId: sent.conversation_id ?? null,
        direction: 'outbound',
        from: sent.from_number,
        to: sent.to_number,
        body,
        channel: sent.channel,
        at: ctx.nowIso(),
        agentId: agentId ?? null
      }
      void ctx.journal.append('message.sent', message).catch(() => undefined)
      ctx.emit({ event: 'message.sent', data: message })
      return message
    },

    'conversations.list': async ({ limit = 50, offset = 0 }) => {
      const page = await ctx.api.conversations.list({ limit, offset })
      return { items: page.data, total: page.total ?? page.data.length }
    },

    'conversations.get': async ({ conversationId }) => {
      const detail = await ctx.api.conversations.get(conversationId, { messageLimit: 100 })
      const { messages, ...conversation } = detail
      return {
        conversation,
        messages: (messages ?? []).map(
          (m): Message => ({
            id: m.id,
            conversationId,
            direction: m.direction === 'outbound' ? 'outbound' : 'inbound',
            from: m.fromNumber ?? '',
            to: m.toNumber ?? '',
            body: m.body ?? '',
            channel: m.channel ?? 'sms',
            at: m.receivedAt ?? '',
            agentId: conversation.agentId ?? null
          })
        )
      }
    },

    'conversations.update': async ({ conversationId, metadata }) => {
      const { messages: _messages, ...conversation } = await ctx.api.conversations.update(conversationId, { metadata })
      return conversation
    }
  }
}
