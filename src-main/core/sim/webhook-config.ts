/** Webhook configuration (project and per agent): the upsert body and the test delivery. */
import { z } from 'zod'
import type { Account } from './account'
import type { SimContext } from './context'
import type { Route } from './deliveries'
import { SANDBOX_CONTACT, isoNow, newId, newSecret } from './ids'
import type { Envelope } from './payloads'
import type { WebhookRec } from './types'

export const WebhookBody = z.object({
  url: z
    .string()
    .min(1)
    .max(2083)
    .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), 'URL must be an http(s) URL'),
  contextLimit: z.number().int().min(0).max(50).nullable().optional(),
  timeout: z.number().int().min(5).max(120).nullable().optional()
})

/**
 * Creates or replaces a webhook. A new secret every time, as the real API does. (The simulator
 * accepts plain http so a local receiver works without a tunnel.)
 */
export function upsertWebhook(ctx: SimContext, previous: WebhookRec | null, body: z.infer<typeof WebhookBody>): WebhookRec {
  return {
    id: previous?.id ?? newId('wh_'),
    url: body.url,
    secret: newSecret(),
    status: 'active',
    contextLimit: body.contextLimit ?? 10,
    timeout: body.timeout ?? 30,
    createdAt: previous?.createdAt ?? isoNow(ctx.clock)
  }
}

/** A sample SMS-style `agent.message`, signed like a real one, marked as a test in its state. */
export function testEnvelope(account: Account, agentId: string | null, at: string): Envelope {
  const number = agentId ? account.numbersOf(agentId)[0] : account.activeNumbers()[0]
  return {
    event: 'agent.message',
    channel: 'sms',
    timestamp: at,
    agentId,
    data: {
      messageId: newId('msg_'),
      conversationId: null,
      numberId: number?.id ?? null,
      from: SANDBOX_CONTACT,
      to: number?.phoneNumber ?? '+15550100000',
      contact: null,
      message: 'This is a test webhook delivery from AgentPhone.',
      mediaUrl: null,
      mediaUrls: [],
      direction: 'inbound',
      receivedAt: at
    },
    conversationState: { testMode: true },
    recentHistory: []
  }
}

/** Sends the test delivery once and answers what the docs' test endpoint answers. */
export async function sendTest(ctx: SimContext, account: Account, route: Route, agentId: string | null): Promise<Record<string, unknown>> {
  const rec = await ctx.deliverer.once(account, route, testEnvelope(account, agentId, isoNow(ctx.clock)), { eventType: 'agent.message', channel: 'sms' })
  return {
    success: rec.status === 'delivered',
    httpStatus: rec.httpStatus,
    errorMessage: rec.errorMessage,
    // The vendor's MCP client reads these names (agentphone-api.md §9.8); served alongside.
    statusCode: rec.httpStatus,
    responseMs: rec.responseMs ?? null,
    error: rec.errorMessage
  }
}
