import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BridgeEvent, Delivery } from '../../../src-preload/contract'
import { Journal } from '../../../src-main/core/journal/journal'
import type { JournalRecord } from '../../../src-main/core/journal/journal'
import { systemClock } from '../../../src-main/core/ports'
import { createReceiver } from '../../../src-main/core/receiver/receiver'
import type { AcceptedWebhook, Receiver, ReceiverOptions } from '../../../src-main/core/receiver/receiver'
import { sign } from '../../../src-main/core/receiver/signature'
import { TurnBroker } from '../../../src-main/core/turns/turn-broker'
import type { TurnConfig } from '../../../src-main/core/turns/turn-types'

export const SECRET = 'whsec_test_secret'

/** A real receiver on port 0 with a real journal in a temp folder and a real broker. */
export interface Harness {
  receiver: Receiver
  journal: Journal
  broker: TurnBroker
  events: BridgeEvent[]
  /** 'accepted' (onAccepted) and broker event names, in the order they happened. */
  timeline: string[]
  accepted: AcceptedWebhook[]
  /** Latest version of each Delivery, by id, in arrival order. */
  deliveries: Map<string, Delivery>
  /** Every onDelivery call, in order. */
  published: Delivery[]
  records(): Promise<JournalRecord[]>
  stop(): Promise<void>
}

export async function startHarness(
  options: Partial<ReceiverOptions> = {},
  turns: Partial<TurnConfig> = {},
  /** A journal folder to reuse (kept on stop), to test a restart. */
  keptDir?: string
): Promise<Harness> {
  const dir = keptDir ?? mkdtempSync(join(tmpdir(), 'receiver-'))
  const journal = await Journal.open({ dir, clock: systemClock })
  const events: BridgeEvent[] = []
  const accepted: AcceptedWebhook[] = []
  const deliveries = new Map<string, Delivery>()
  const published: Delivery[] = []
  const timeline: string[] = []
  const config: TurnConfig = {
    fillerEnabled: true,
    fillerText: 'One moment.',
    fallbackText: 'Sorry, nobody is free.',
    turnTimeoutMs: 30_000,
    deadlineMarginMs: 2_000,
    maxOpenTurns: 300,
    ...turns
  }
  const broker = new TurnBroker({ clock: systemClock, config: () => config, onEvent: (e) => {
      events.push(e)
      timeline.push(e.event)
    }
  })
  const receiver = createReceiver({
    clock: systemClock,
    secrets: () => [SECRET],
    journal,
    broker,
    onAccepted: (e) => {
      accepted.push(e)
      timeline.push('accepted')
    },
    onDelivery: (d) => {
      published.push(d)
      deliveries.set(d.id, d)
    },
    ...options
  })
  await receiver.start()
  return {
    receiver,
    journal,
    broker,
    events,
    timeline,
    accepted,
    deliveries,
    published,
    async records() {
      const out: JournalRecord[] = []
      await journal.replay((r) => void out.push(r))
      return out
    },
    async stop() {
      broker.closeAll()
      await receiver.stop()
      await journal.close()
      if (!keptDir) rmSync(dir, { recursive: true, force: true })
    }
  }
}

let ids = 0
/** Signed AgentPhone-style headers for `body`; override any of them to break it. */
export function signedHeaders(body: string | Buffer, over: { secret?: string; timestamp?: string; id?: string } = {}): Record<string, string> {
  const timestamp = over.timestamp ?? String(Math.floor(Date.now() / 1000))
  return {
    'content-type': 'application/json',
    'x-webhook-signature': sign(over.secret ?? SECRET, timestamp, body),
    'x-webhook-timestamp': timestamp,
    'x-webhook-id': over.id ?? `wh_${process.pid}_${++ids}`,
    'x-webhook-event': 'agent.message'
  }
}

export function smsEnvelope(text = 'hi there'): string {
  return JSON.stringify({
    event: 'agent.message',
    channel: 'sms',
    timestamp: new Date().toISOString(),
    agentId: 'agt_1',
    data: { messageId: 'msg_1', conversationId: 'conv_1', from: '+15551230000', to: '+15559870000', message: text, direction: 'inbound' },
    conversationState: null,
    recentHistory: []
  })
}

export function voiceEnvelope(callId = 'call_1', transcript = 'Are you open today?'): string {
  return JSON.stringify({
    event: 'agent.message',
    channel: 'voice',
    timestamp: new Date().toISOString(),
    agentId: 'agt_1',
    data: { callId, numberId: 'num_1', from: '+15551230000', to: '+15559870000', status: 'in-progress', transcript, confidence: 0.93, direction: 'inbound' },
    conversationState: null,
    recentHistory: []
  })
}

export async function post(url: string, body: string | Buffer, headers: Record<string, string>, method = 'POST'): Promise<{ status: number; json: unknown; headers: Headers }> {
  const res = await fetch(url, { method, body: method === 'GET' ? undefined : body, headers })
  const text = await res.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = text
  }
  return { status: res.status, json, headers: res.headers }
}

/**
 * Writes raw bytes to the receiver's port (for requests `fetch` refuses to send) and resolves with
 * everything it answered once the connection closes, or after `maxMs`.
 */
export function rawExchange(url: string, chunks: Array<string | Buffer>, options: { gapMs?: number; maxMs?: number } = {}): Promise<string> {
  const { port, hostname } = new URL(url)
  return new Promise((resolve) => {
    let got = ''
    const socket = connect(Number(port), hostname, () => {
      let i = 0
      const next = (): void => {
        if (i >= chunks.length || socket.destroyed) return
        socket.write(chunks[i++]!)
        if (options.gapMs) setTimeout(next, options.gapMs)
        else next()
      }
      next()
    })
    const timer = setTimeout(() => socket.destroy(), options.maxMs ?? 3000)
    socket.on('data', (d) => (got += d.toString('latin1')))
    socket.on('error', () => undefined)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(got)
    })
  })
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}
