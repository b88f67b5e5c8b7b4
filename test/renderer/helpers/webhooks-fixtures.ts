import type { AppStatus, Delivery, Settings, WebhookStatus } from '../../../src-preload/contract'
import type { FakeBridge } from './fake-bridge'
import { SANDBOX_STATUS } from './fake-bridge'

export const LIVE_STATUS: AppStatus = {
  ...SANDBOX_STATUS,
  mode: 'live',
  simulatorUrl: null,
  baseUrl: 'https://api.agentphone.to',
  sandbox: null,
  hasApiKey: true
}

export const SETTINGS: Settings = {
  fillerText: 'One moment, please.',
  fillerEnabled: true,
  fallbackText: 'Sorry, nobody can answer right now.',
  deadlineMarginSeconds: 3,
  webhookTimeoutSeconds: 30,
  quickReplies: ['First reply', 'Second reply', 'Third reply'],
  notifications: { inboundCall: true, waitingTurn: true, sms: false },
  theme: 'system',
  historyRetentionDays: 90
}

export function webhookStatus(over: Partial<WebhookStatus> = {}): WebhookStatus {
  return {
    scope: 'project',
    agentId: null,
    current: null,
    ours: false,
    previous: null,
    receiverUrl: 'http://127.0.0.1:4100/webhook',
    receiverPort: 4100,
    tunnelUrl: null,
    lastDeliveryAt: null,
    ...over
  }
}

let seq = 0
/** A delivery received `agoMs` before now; ids are unique per test run. */
export function makeDelivery(over: Partial<Delivery> = {}, agoMs = 0): Delivery {
  seq += 1
  return {
    id: `dlv_${seq}`,
    receivedAt: new Date(Date.now() - agoMs).toISOString(),
    method: 'POST',
    path: '/webhook',
    webhookId: `wh_${seq}`,
    event: 'agent.message',
    channel: 'sms',
    callId: null,
    conversationId: `conv_${seq}`,
    outcome: 'accepted',
    reason: null,
    status: 200,
    ttfbMs: 4,
    replayed: false,
    party: null,
    headers: { 'content-type': 'application/json', 'x-webhook-signature': '…redacted' },
    body: JSON.stringify({ event: 'agent.message', channel: 'sms', data: { message: `hello ${seq}` } }),
    lines: [],
    ...over
  }
}

/**
 * Lets a test hold one command open (to see the progress it shows) and release it later. The
 * store calls `bridge.invoke` at call time, so replacing it here catches every later call.
 */
export function holdCommand(bridge: FakeBridge, method: string): () => void {
  const original = bridge.invoke.bind(bridge)
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  bridge.invoke = (async (m: string, p: unknown) => {
    if (m === method) await gate
    return original(m as never, p as never)
  }) as FakeBridge['invoke']
  return () => release()
}
