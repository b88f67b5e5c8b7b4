import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { BridgeEvent, EventData, EventName, TranscriptTurn } from '../../../src-preload/contract'
import { eventSchemas } from '../../../src-preload/contract'
import { openAiConnector } from '../../../src-main/core/copilot/chat-client'
import { Copilot } from '../../../src-main/core/copilot/copilot'
import type { CopilotFacts } from '../../../src-main/core/copilot/copilot-facts'
import type { CopilotSettings } from '../../../src-main/core/copilot/copilot-settings'
import { memorySecrets, memoryStore, type Logger } from '../../../src-main/core/ports'
import { TurnBroker } from '../../../src-main/core/turns/turn-broker'
import { fakeClock, type FakeClock } from '../../server/helpers/fake-clock'
import { streamPost, type StreamClient } from '../turns/ndjson-client'
import { afterEach, beforeEach } from 'vitest'
import { startFakeOpenAi, type FakeOpenAi } from './fake-openai'

/** The copilot's key in every test: assertions check it never reaches an event or a log line. */
export const MODEL_KEY = 'sk-proj-COPILOT-TEST-KEY-7c41'
export const FALLBACK = 'Sorry, nobody can answer right now.'
/** Webhook timeout 30 s, margin 3 s: a turn's deadline is 27 s after it opens. */
export const DEADLINE_MS = 27_000

export const AGENT = {
  name: 'Bistro Nine',
  systemPrompt: 'You take table bookings for Bistro Nine. Never promise a window seat.',
  beginMessage: 'Bistro Nine, how can I help?',
  transferNumber: '+14155550999'
}

export interface Rig {
  copilot: Copilot
  broker: TurnBroker
  clock: FakeClock
  events: BridgeEvent[]
  logs: string[]
  lines: TranscriptTurn[]
  /** Opens a voice turn over real HTTP (as AgentPhone would) and answers once the copilot heard of it. */
  openTurn(transcript: string): Promise<{ turnId: string; client: StreamClient }>
  of<E extends EventName>(name: E): Array<EventData<E>>
  /** Polls (real time, HTTP is real) until `check` holds. */
  until(check: () => boolean, what: string): Promise<void>
  close(): Promise<void>
}

export async function copilotRig(fake: FakeOpenAi, settings: Partial<CopilotSettings> = {}, facts: Partial<CopilotFacts> = {}): Promise<Rig> {
  const clock = fakeClock(Date.parse('2026-03-02T10:00:00Z'))
  const events: BridgeEvent[] = []
  const logs: string[] = []
  const record = (level: string): Logger['info'] => (message, fields) => void logs.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`)
  const logger: Logger = { info: record('info'), warn: record('warn'), error: record('error') }
  const lines: TranscriptTurn[] = [
    { callId: 'call_1', speaker: 'agent', text: AGENT.beginMessage, at: '2026-03-02T09:59:50Z', source: 'greeting' }
  ]
  const allFacts: CopilotFacts = {
    call: () => ({ agentId: 'agt_1', from: '+14155550123', to: '+14155550100', direction: 'inbound', answeredBy: 'human' }),
    lines: () => lines,
    agent: (id) => (id === 'agt_1' ? AGENT : undefined),
    quickReplies: () => ['One moment, let me check.', 'Thank you for calling. Goodbye!'],
    smsHistory: async () => [],
    ...facts
  }
  let copilot: Copilot | null = null
  const emit = (event: BridgeEvent): void => {
    // Every event must match the contract the renderer relies on.
    eventSchemas[event.event].parse(event.data)
    events.push(event)
    if (event.event === 'transcript.turn') lines.push(event.data)
    copilot?.observe(event)
  }
  const broker = new TurnBroker({
    clock,
    config: () => ({ fillerEnabled: true, fillerText: 'One moment.', fallbackText: FALLBACK, turnTimeoutMs: 30_000, deadlineMarginMs: 3_000, maxOpenTurns: 50 }),
    onEvent: emit
  })
  const store = memoryStore({ copilot: { mode: 'suggest', baseUrl: fake.baseURL, model: 'fake-model', ...settings } })
  copilot = new Copilot({ clock, logger, store, secrets: memorySecrets({ copilotApiKey: MODEL_KEY }), connect: openAiConnector(), simulated: null, facts: allFacts, turns: broker, emit })

  let next = 0
  const pending: Array<{ turnId: string; transcript: string }> = []
  const server = http.createServer((req, res) => {
    const { turnId, transcript } = pending.shift()!
    req.resume()
    req.on('end', () => broker.open({ turnId, callId: 'call_1', transcript }, res))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`

  const of = <E extends EventName>(name: E): Array<EventData<E>> => events.filter((e) => e.event === name).map((e) => e.data as EventData<E>)
  const until = async (check: () => boolean, what: string): Promise<void> => {
    const end = Date.now() + 5000
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; events: ${events.map((e) => e.event).join(', ')}`)
      await new Promise((r) => setTimeout(r, 5))
    }
  }
  return {
    copilot,
    broker,
    clock,
    events,
    logs,
    lines,
    of,
    until,
    async openTurn(transcript) {
      const turnId = `turn_${++next}`
      pending.push({ turnId, transcript })
      lines.push({ callId: 'call_1', speaker: 'caller', text: transcript, at: new Date(clock.now()).toISOString(), source: 'caller' })
      const client = streamPost(url)
      await until(() => of('turn.opened').some((t) => t.turnId === turnId), `turn ${turnId} to open`)
      return { turnId, client }
    },
    async close() {
      copilot?.stop()
      broker.closeAll()
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}

/**
 * A fresh fake model server before each test (handed to `fresh`, which also forgets the last rig)
 * and, after it, the test's rig and whichever server is current then closed.
 */
export function useFakeModel(hooks: { fresh(fake: FakeOpenAi): void; current(): { fake: FakeOpenAi; rig: Rig | null } }): void {
  beforeEach(async () => {
    hooks.fresh(await startFakeOpenAi())
  })
  afterEach(async () => {
    const { fake, rig } = hooks.current()
    await rig?.close()
    await fake.close()
  })
}
