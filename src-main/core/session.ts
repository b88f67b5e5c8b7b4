import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { AppStatus, BridgeEvent, BridgeResult, CallInfo, Settings, TranscriptTurn } from '../../src-preload/contract'
import { AgentPhoneClient } from './agentphone/client'
import { toCoreError } from './agentphone/errors'
import { followTranscript } from './agentphone/transcript-stream'
import { dispatch } from './dispatch'
import { appHandlers } from './handlers/app'
import { callHandlers } from './handlers/calls'
import type { SandboxHandle, SessionContext } from './handlers/context'
import { directoryHandlers } from './handlers/directory'
import { messagingHandlers } from './handlers/messaging'
import { sandboxHandlers } from './handlers/sandbox'
import type { HandlerMap } from './handlers/types'
import { webhookHandlers } from './handlers/webhooks'
import { webhookConnectHandlers } from './handlers/webhook-connect'
import { Journal } from './journal/journal'
import { AgentDirectory } from './live/agent-directory'
import { CallBoard, isLive } from './live/call-board'
import { DeliveryLog } from './live/delivery-log'
import { SecretRing } from './live/secret-ring'
import { readSettings, writeSettings } from './live/settings'
import { wireBrokerEvents, wireSandboxEvents } from './live/wiring'
import { applyWebhook, type WebhookEnvelope } from './live/webhook-events'
import { memorySecrets, memoryStore, silentLogger, systemClock } from './ports'
import { createReceiver } from './receiver/receiver'
import type { SessionLike, SessionOptions } from './session-types'
import { OUR_WEBHOOK_KEY, TUNNEL_URL_KEY, WEBHOOK_SECRET } from './live/keys'
import { GapFinder } from './live/gap-finder'
import { CallPoller } from './live/call-poller'
import { Simulator } from './sim/simulator'
import { TurnBroker } from './turns/turn-broker'

export const DEFAULT_BASE_URL = 'https://api.agentphone.to'
/** Open voice turns past this many get the fallback at once, so a flood cannot exhaust sockets. */
const MAX_OPEN_TURNS = 500

/**
 * The core, wired: journal, call board, turn broker, receiver, API client and — in sandbox mode —
 * the simulator. The only implementation of the bridge contract; both shells wrap this class.
 */
export class Session implements SessionLike {
  private readonly listeners = new Set<(event: BridgeEvent) => void>()
  private readonly followers = new Map<string, { stop(): void }>()
  private poller: CallPoller | null = null
  private handlers: HandlerMap = {}
  private ctx!: SessionContext
  private stopped = false

  private constructor(private readonly options: SessionOptions) {}

  static async start(options: SessionOptions): Promise<Session> {
    const session = new Session(options)
    await session.boot()
    return session
  }

  status(): AppStatus {
    return this.ctx.status()
  }

  invoke(method: string, params: unknown): Promise<BridgeResult<unknown>> {
    if (this.stopped) return Promise.resolve({ ok: false, error: { code: 'not_available', message: 'Switchboard is shutting down.' } })
    return dispatch(this.handlers, method, params, this.ctx.logger, (err) => toCoreError(err))
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    for (const f of this.followers.values()) f.stop()
    this.ctx.gaps?.stop()
    this.poller?.stop()
    this.ctx.broker.closeAll()
    await this.ctx.receiver.stop()
    await this.ctx.sandbox?.sim.stop()
    await this.ctx.journal.close()
  }

  private emit = (event: BridgeEvent): void => {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (err) {
        this.ctx.logger.error('event listener failed', { event: event.event, error: String(err) })
      }
    }
  }

  private async boot(): Promise<void> {
    const o = this.options
    const clock = o.clock ?? systemClock
    const logger = o.logger ?? silentLogger
    const store = o.settings ?? memoryStore()
    const secrets = o.secrets ?? memorySecrets()
    const startedAt = new Date(clock.now()).toISOString()
    const nowIso = () => new Date(clock.now()).toISOString()
    const settings = (): Settings => readSettings(store)

    const journal = await Journal.open({ dir: path.join(o.dataDir, 'journal'), clock })
    const board = new CallBoard(this.emit)
    const deliveries = new DeliveryLog()
    const ring = new SecretRing(clock)
    const broker = new TurnBroker({
      clock,
      config: () => {
        const s = settings()
        return {
          fillerEnabled: s.fillerEnabled,
          fillerText: s.fillerText,
          fallbackText: s.fallbackText,
          turnTimeoutMs: s.webhookTimeoutSeconds * 1000,
          deadlineMarginMs: s.deadlineMarginSeconds * 1000,
          maxOpenTurns: MAX_OPEN_TURNS
        }
      },
      onEvent: (event) => wireBrokerEvents(event, { board, journal, emit: this.emit })
    })
    const { api, sandbox, baseUrl } = await this.connectApi(clock, logger, secrets, ring)
    const directory = new AgentDirectory(() => api.agents.listAll())
    const gaps = o.mode === 'live' ? new GapFinder({ api, board, store, clock, logger, emit: this.emit }) : null
    const receiver = createReceiver({
      host: o.receiver?.host ?? '127.0.0.1',
      port: o.receiver?.port ?? 0,
      clock,
      secrets: () => ring.accepted(),
      journal,
      broker,
      isFallbackOnly: (callId) => board.get(callId)?.answeredBy === 'fallback',
      onAccepted: (event) => {
        const envelope = event.payload as WebhookEnvelope
        if (!event.replayed) gaps?.noteDelivery(typeof envelope.data?.messageId === 'string' ? envelope.data.messageId : undefined)
        applyWebhook(envelope, { board, directory, emit: this.emit, now: nowIso })
      },
      onDelivery: (delivery) => {
        deliveries.record(delivery)
        this.emit({ event: 'webhook.delivery', data: delivery })
      }
    })

    await this.replayJournal(journal, board, directory, nowIso)
    await receiver.start()

    this.ctx = {
      mode: o.mode,
      clock,
      logger,
      board,
      broker,
      receiver,
      api,
      journal,
      directory,
      deliveries,
      sandbox,
      store,
      secrets,
      ring,
      gaps,
      ...(o.ngrokApiUrl ? { ngrokApiUrl: o.ngrokApiUrl } : {}),
      ...(o.connectTimeoutMs ? { connectTimeoutMs: o.connectTimeoutMs } : {}),
      emit: this.emit,
      settings,
      updateSettings: (patch) => writeSettings(store, patch),
      nowIso,
      status: () => ({
        mode: o.mode,
        version: o.version ?? '0.0.0',
        receiverUrl: receiver.url,
        simulatorUrl: sandbox ? sandbox.sim.url : null,
        baseUrl,
        sandbox: sandbox ? { agent: sandbox.agent, number: sandbox.number } : null,
        turnTimeoutSeconds: settings().webhookTimeoutSeconds,
        startedAt,
        hasApiKey: Boolean(secrets.get('apiKey')),
        tunnelUrl: store.get<string>(TUNNEL_URL_KEY) ?? null,
        notice: null
      })
    }
    const track = (callId: string, hosted: boolean) => this.track(callId, hosted)
    this.handlers = {
      ...appHandlers(this.ctx),
      ...callHandlers(this.ctx, track),
      ...sandboxHandlers(this.ctx, track),
      ...directoryHandlers(this.ctx),
      ...messagingHandlers(this.ctx),
      ...webhookHandlers(this.ctx),
      ...webhookConnectHandlers(this.ctx)
    }

    if (sandbox) {
      // The simulator's webhook points at our receiver, registered the same way as in live mode.
      const webhook = await api.webhooks.set({ url: receiver.url, timeout: settings().webhookTimeoutSeconds, contextLimit: 10 })
      ring.rotate(webhook.secret)
      wireSandboxEvents(sandbox.sim, { board, directory, emit: this.emit, nowIso })
      await directory.refresh()
      // The simulator started empty: calls the journal still shows as live ended with the last run.
      for (const call of board.list(true)) board.end(call.id, nowIso(), 'failed')
    } else {
      directory.refresh().catch((err: unknown) => logger.warn('could not load agents', { error: String(err) }))
      // Only a console that registered its receiver can have missed anything.
      if (store.get(OUR_WEBHOOK_KEY)) gaps?.start()
      this.poller = new CallPoller({ api, board, directory, clock, logger, track })
      this.poller.start()
    }
  }

  private async connectApi(clock: SessionContext['clock'], logger: SessionContext['logger'], secrets: NonNullable<SessionOptions['secrets']>, ring: SecretRing) {
    const o = this.options
    if (o.mode === 'live') {
      const apiKey = secrets.get('apiKey')
      if (!apiKey) throw new Error('Live mode needs an API key (AGENTPHONE_API_KEY).')
      const baseUrl = o.live?.baseUrl ?? DEFAULT_BASE_URL
      ring.rotate(secrets.get(WEBHOOK_SECRET) ?? null)
      return { api: new AgentPhoneClient({ baseUrl, apiKey, logger }), sandbox: null, baseUrl }
    }
    const apiKey = `sk_sandbox_${randomBytes(12).toString('hex')}`
    const sim = new Simulator({ clock, logger, host: '127.0.0.1', port: o.simulator?.port ?? 0, apiKeys: [apiKey] })
    await sim.start()
    const account = await sim.ensureSandboxAccount(apiKey)
    const sandbox: SandboxHandle = {
      sim,
      apiKey,
      agent: { id: account.agent.id, name: account.agent.name, voiceMode: account.agent.voiceMode },
      number: { id: account.number.id, phoneNumber: account.number.phoneNumber }
    }
    return { api: new AgentPhoneClient({ baseUrl: sim.url, apiKey, logger }), sandbox, baseUrl: null }
  }

  /** Rebuilds the board from the journal so live calls and recent events reappear after a restart. */
  private async replayJournal(journal: Journal, board: CallBoard, directory: AgentDirectory, nowIso: () => string) {
    const deps = { board, directory, emit: this.emit, now: nowIso }
    await journal.replay((record) => {
      const data = record.data as Record<string, unknown>
      if (record.kind === 'webhook') applyWebhook(data.payload as WebhookEnvelope, deps)
      else if (record.kind === 'line') board.addLine(data as unknown as TranscriptTurn)
      else if (record.kind === 'call' && !board.get(String(data.id))) board.upsert({ id: String(data.id) }, data as unknown as CallInfo)
    })
  }

  /** Hosted-mode calls have no webhook turns: their transcript comes from the API's SSE stream. */
  private track(callId: string, hosted: boolean): void {
    const call = this.ctx.board.get(callId)
    if (call) void this.ctx.journal.append('call', call).catch(() => undefined)
    if (!hosted || this.followers.has(callId)) return
    const handle = followTranscript(this.ctx.api, callId, {
      onTurn: (turn) =>
        this.ctx.board.addLine({
          callId,
          speaker: turn.speaker,
          text: turn.text,
          at: turn.at,
          source: turn.speaker === 'agent' ? 'hosted' : 'caller'
        }),
      onEnded: () => {
        this.followers.delete(callId)
        const live = this.ctx.board.get(callId)
        if (live && isLive(live)) this.ctx.board.end(callId, this.ctx.nowIso())
      }
    })
    this.followers.set(callId, handle)
  }
}

export function startSession(options: SessionOptions): Promise<Session> {
  return Session.start(options)
}
