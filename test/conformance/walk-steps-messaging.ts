/** Walk, part 2: SMS, conversations, the project webhook and its deliveries, usage, teardown. */
import { expect } from 'vitest'
import { verify } from '../../src-main/core/receiver/signature'
import type { DocWebhookTest } from './shapes-doc'
import { WEBHOOK_TEST } from './shapes-doc'
import { CONVERSATION, DELIVERY, DELIVERY_STATS, SENT_MESSAGE, WEBHOOK } from './shapes'
import { expectEachShape, expectShape } from './shape'
import type { Step } from './walk'
import { CALLEE, SMS_BODY, step } from './walk'

export const MESSAGING_STEPS: Array<Step<unknown>> = [
  step({
    name: 'send an SMS',
    sdk: async (c, { state }) => {
      const m = await c.messages.sendMessage({ agent_id: state.agentId, to_number: CALLEE, body: SMS_BODY })
      expectShape(m, SENT_MESSAGE, 'sent message')
      return m
    },
    // A formatted number on purpose: our client normalises it to the same E.164 before sending.
    ours: (c, { state }) => c.messages.send({ agentId: state.agentId, toNumber: '(555) 010-0999', body: SMS_BODY }),
    check: (v, w) => {
      expect(v).toMatchObject({ status: 'sent', channel: 'sms', from_number: w.state.phoneNumber, to_number: CALLEE, media_urls: [] })
      expect(v.id).toMatch(/^msg_/)
      expect(v.conversation_id).toMatch(/^conv_/)
      w.state.conversationId = v.conversation_id ?? ''
    }
  }),
  step({
    name: 'list conversations and open one',
    sdk: async (c, { state }) => {
      const list = await c.conversations.listConversations()
      expectEachShape(list.data, CONVERSATION, 'conversation')
      const detail = await c.conversations.getConversation({ conversation_id: state.conversationId })
      return { list, messages: detail.messages.map((m) => ({ direction: m.direction, body: m.body, from: m.fromNumber, to: m.toNumber })) }
    },
    ours: async (c, { state }) => {
      const list = await c.conversations.list()
      const detail = await c.conversations.get(state.conversationId)
      return { list, messages: detail.messages.map((m) => ({ direction: m.direction, body: m.body, from: m.fromNumber, to: m.toNumber })) }
    },
    check: ({ list, messages }, { state }) => {
      expect(list).toMatchObject({ total: 1, hasMore: false })
      expect(list.data[0]).toMatchObject({
        id: state.conversationId,
        agentId: state.agentId,
        phoneNumberId: state.numberId,
        phoneNumber: state.phoneNumber,
        participant: CALLEE,
        messageCount: 1,
        lastMessagePreview: SMS_BODY
      })
      expect(messages).toEqual([{ direction: 'outbound', body: SMS_BODY, from: state.phoneNumber, to: CALLEE }])
    }
  }),
  step({
    name: 'register the project webhook',
    sdk: async (c, { env }) => {
      const wh = await c.webhooks.createOrUpdateWebhook({ body: { url: env.receiver.url, contextLimit: 5, timeout: 10 } })
      expectShape(wh, WEBHOOK, 'webhook')
      return { wh, readBack: (await c.webhooks.getWebhook())?.secret }
    },
    ours: async (c, { env }) => {
      const wh = await c.webhooks.set({ url: env.receiver.url, contextLimit: 5, timeout: 10 })
      return { wh, readBack: (await c.webhooks.get())?.secret }
    },
    check: ({ wh, readBack }, { env, state }) => {
      expect(wh).toMatchObject({ url: env.receiver.url, status: 'active', contextLimit: 5, timeout: 10 })
      expect(wh.id).toMatch(/^wh_/)
      expect(wh.secret).toMatch(/^whsec_/)
      expect(readBack).toBe(wh.secret)
      state.webhookSecret = wh.secret ?? ''
      env.receiver.secrets = [state.webhookSecret]
    }
  }),
  step({
    name: 'test the webhook: a signed delivery reaches the receiver',
    sdk: async (c, { state }) => {
      const r = (await c.webhooks.testWebhook({ agentId: state.agentId })) as DocWebhookTest
      expectShape(r, WEBHOOK_TEST, 'test result')
      return r
    },
    ours: (c, { state }) => c.webhooks.test(state.agentId),
    check: (v, { env, state }) => {
      expect(v).toMatchObject({ success: true, httpStatus: 200, errorMessage: null })
      expect(env.receiver.deliveries).toHaveLength(1)
      const d = env.receiver.deliveries[0]!
      expect(d.check).toEqual({ ok: true, secretIndex: 0 })
      // The same bytes must not verify under another secret: the check above is not vacuous.
      expect(verify(['whsec_other'], { signature: d.signature, timestamp: d.timestamp }, d.raw, Date.now())).toEqual({ ok: false, reason: 'bad_signature' })
      expect(d.event).toBe('agent.message')
      expect(d.body).toMatchObject({ event: 'agent.message', channel: 'sms', agentId: state.agentId, conversationState: { testMode: true } })
      expect(d.webhookId).toBeTruthy()
      state.testDeliveryId = d.webhookId ?? ''
    }
  }),
  step({
    name: 'read deliveries and stats',
    sdk: async (c) => {
      const page = await c.webhooks.listDeliveries()
      expectEachShape(page.items, DELIVERY, 'delivery')
      const stats = await c.webhooks.deliveryStats()
      expectShape(stats, DELIVERY_STATS, 'stats')
      return { page, stats }
    },
    ours: async (c) => ({ page: await c.webhooks.deliveries(), stats: await c.webhooks.stats() }),
    check: ({ page, stats }, { state }) => {
      expect(page).toMatchObject({ total: 1, offset: 0, limit: 50 })
      expect(page.items).toHaveLength(1)
      expect(page.items[0]).toMatchObject({ id: state.testDeliveryId, eventType: 'agent.message', channel: 'sms', status: 'delivered', httpStatus: 200, attemptCount: 1 })
      expect(stats).toMatchObject({ total: 1, success: 1, failed: 0, pending: 0, successRate: 100, byEventType: { 'agent.message': { delivered: 1 } } })
    }
  })
]
