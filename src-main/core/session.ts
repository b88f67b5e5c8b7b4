import path from 'node:path'
import type { AppStatus, BridgeEvent, BridgeResult, CallInfo, Settings, TranscriptTurn } from '../../src-preload/contract'
import type { Caller } from '../../src-preload/command-roles'
import { toCoreError } from './agentphone/errors'
import { AlertMute } from './alert-mute'
import { createSessionCopilot } from './copilot/session-copilot'
import { dispatch } from './dispatch'
import { alertHandlers } from './handlers/alerts'
import { appHandlers } from './handlers/app'
import { callHandlers } from './handlers/calls'
import { copilotHandlers } from './handlers/copilot'
import type { SessionContext } from './handlers/context'
import { diagnosticsHandlers } from './handlers/diagnostics'
import { directoryHandlers } from './handlers/directory'
import { historyHandlers } from './handlers/history'
import { callHistoryHandlers } from './handlers/call-history'
import { usageBreakdownHandlers } from './handlers/usage-breakdowns'
import { HistoryService } from './history/history-service'
import { ReplyAuthors } from './history/reply-authors'
import { messagingHandlers } from './handlers/messaging'
import { reportErrorHandlers } from './handlers/report-error'
import { sandboxHandlers } from './handlers/sandbox'
import { scenarioHandlers } from './handlers/scenarios'
import type { HandlerMap } from './handlers/types'
import { webhookConnectHandlers } from './handlers/webhook-connect'
import { webhookHandlers } from './handlers/webhooks'
import { updateHandlers } from './handlers/updates'
import { Journal } from './journal/journal'
import { AgentDirectory } from './live/agent-directory'
import { connectApi } from './live/api-connection'
import { CallBoard, isLive } from './live/call-board'
import { CallPoller } from './live/call-poller'
import { CallTracker } from './live/call-tracker'
import { DeliveryLog } from './live/delivery-log'
import { toDeliverySummary } from '../../src-preload/delivery-summary'
import { TransferOverrides } from './live/transfer-overrides'
import { GapFinder } from './live/gap-finder'
import { HistoryKeeper } from './live/history-keeper'
import { replayJournal } from './live/journal-replay'
import { API_KEY_SECRET, OUR_WEBHOOK_KEY, TUNNEL_URL_KEY, WEBHOOK_SECRET } from './live/keys'
import { SecretRing } from './live/secret-ring'
import { readSettings, writeSettings } from './live/settings'
import { applyWebhook, type WebhookEnvelope } from './live/webhook-events'
import { wireBrokerEvents, wireSandboxEvents } from './live/wiring'
import { memorySecrets, memoryStore, silentLogger, systemClock, type Logger, type SecretStore } from './ports'
import { ensurePrivateDir } from './private-files'
import { createReceiver, recentDeliveryKeys } from './receiver/receiver'
import { DEFAULT_TOLERANCE_SECONDS } from './receiver/signature'
import { ScenarioService } from './scenarios/service'
import { ScenarioStore } from './scenarios/store'
import type { SessionLike, SessionOptions } from './session-types'
import { isPortTaken, PortTakenError } from './stable-ports'
import { TurnBroker } from './turns/turn-broker'
import { AuditLog } from './audit/audit-log'
import { teamHandlers } from './handlers/team'

/** Open voice turns past this many get the fallback at once, so a flood cannot exhaust sockets. */
const MAX_OPEN_TURNS = 500
/** Webhook ids remembered for de-duplication, across restarts too. */
const DEDUPE_WINDOW = 10_000

/**
 * The core, wired: journal, call board, turn broker, receiver, API client and — in sandbox mode —
 * the simulator. The only implementation of the bridge contract; both shells wrap this class.
 */
export class Session implements SessionLike {
  private readonly listeners = new Set<(event: BridgeEvent) => void>()
  /** What to undo, newest first: a failed start releases exactly what it had taken. */
  private readonly cleanup: Array<() => unknown> = []
  private handlers: HandlerMap = {}
  private ctx!: SessionContext
  private logger: Logger = silentLogger
  private stopped = false

  private constructor(private readonly options: SessionOptions) {}

  static async start(options: SessionOptions): Promise<Session> {
    const session = new Session(options)
    try {
      await session.boot()
    } catch (err) {
      await session.stop()
      throw err
    }
    return session
  }

  status(): AppStatus {
    return this.ctx.status()
  }

  invoke(method: string, params: unknown, caller?: Caller): Promise<BridgeResult<unknown>> {
    if (this.stopped) return Promise.resolve({ ok: false, error: { code: 'not_available', message: 'Switchboard is shutting down.' } })
    return dispatch(this.handlers, method, params, this.logger, (err) => toCoreError(err), caller)
  }

  personLeft(personId: string): void {
    if (!this.stopped) this.ctx?.broker.releaseHolder(personId)
  }

  onEvent(listener: (event: BridgeEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async stop(): Promise<void> {
    if (this.stopped) return
    this.stopped = true
    for (let undo = this.cleanup.pop(); undo; undo = this.cleanup.pop()) {
      try {
        await undo()
      } catch (err) {
        this.logger.warn('a part did not stop cleanly', { error: err instanceof Error ? err.message : String(err) })
      }
    }
  }

  private emit = (event: BridgeEvent): void => {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (err) {
        this.logger.error('event listener failed', { event: event.event, error: String(err) })
      }
    }
  }

  private async boot(): Promise<void> {
    const o = this.options
    const clock = o.clock ?? systemClock
    const logger = (this.logger = o.logger ?? silentLogger)
    const store = o.settings ?? memoryStore()
    const secrets = o.secrets ?? memorySecrets()
    const startedAt = new Date(clock.now()).toISOString()
    const nowIso = () => new Date(clock.now()).toISOString()
    // Read on every voice turn: parsed once, refreshed when the person changes a setting.
    let cachedSettings: Settings = readSettings(store)
    const settings = () => cachedSettings
    const onStop = (undo: () => unknown) => void this.cleanup.push(undo)
    // A mute outlives this session when the host hands one in (mode switches keep it).
    const mute = o.alertMute ?? new AlertMute(clock)
    if (!o.alertMute) onStop(() => mute.stop())
    onStop(mute.onChange((mutedUntil) => this.emit({ event: 'alerts.muted', data: { mutedUntil } })))

    await ensurePrivateDir(o.dataDir)
    const journalDir = path.join(o.dataDir, 'journal')
    const journal = await Journal.open({ dir: journalDir, clock, logger, ...(o.journalSync ? { sync: o.journalSync } : {}) })
    onStop(() => journal.close())
    // A journal that stops writing must be seen: the status (and its banner) changes at once.
    onStop(journal.onHealthChange(() => this.emit({ event: 'app.status', data: this.status() })))
    // What the board alone knows (lines from no webhook, ends, greetings) goes to the journal; a
    // failed write is flagged by the journal's health, not here.
    const board = new CallBoard(this.emit, (kind, data) => void journal.append(kind, data).catch(() => undefined), nowIso)
    const deliveries = new DeliveryLog()
    const history = new HistoryKeeper({ journal, board, deliveries, clock, logger, retentionDays: () => settings().historyRetentionDays, emit: this.emit })
    onStop(() => history.stop())
    await history.pruneNow()
    history.start()
    const ring = new SecretRing(clock)
    const replyAuthors = new ReplyAuthors()
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
      ...(o.claimIdleMs !== undefined ? { claimIdleMs: o.claimIdleMs } : {}),
      onEvent: (event) => wireBrokerEvents(event, { board, journal, emit: this.emit, authorOf: (callId) => replyAuthors.of(callId) })
    })
    const { api, sandbox, baseUrl } = await connectApi(o, { clock, logger, secrets, store, ring, onStarted: onStop })
    const directory = new AgentDirectory(() => api.agents.listAll())
    // The agent's own transfer number comes back once the call that needed another one has ended.
    const transferOverrides = new TransferOverrides(async (agentId, number, expectedNow) => {
      if ((directory.get(agentId)?.transferNumber ?? '') !== expectedNow) return
      directory.remember(await api.agents.update(agentId, { transferNumber: number }))
    }, logger)
    onStop(this.onEvent(transferOverrides.onEvent))
    const tracker = new CallTracker({ api, board, journal, directory, clock, logger, nowIso })
    const track = (callId: string, hosted: boolean) => tracker.track(callId, hosted)
    const gaps = o.mode === 'live' ? new GapFinder({ api, board, store, clock, logger, emit: this.emit }) : null
    // A retry (or a re-sent signed body) that arrives after a restart is still recognised.
    const known = await recentDeliveryKeys(journal, DEDUPE_WINDOW, clock.now(), DEFAULT_TOLERANCE_SECONDS * 1000)
    const receiver = createReceiver({
      knownIds: known.ids,
      knownDigests: known.digests,
      dedupeWindow: DEDUPE_WINDOW,
      host: o.receiver?.host ?? '127.0.0.1',
      port: o.receiver?.port ?? 0,
      clock,
      logger,
      secrets: () => ring.accepted(),
      journal,
      broker,
      isFallbackOnly: (callId) => board.get(callId)?.answeredBy === 'fallback',
      isCallLive: (callId) => {
        const call = board.get(callId)
        return call !== undefined && isLive(call)
      },
      onAccepted: (event) => {
        const envelope = event.payload as WebhookEnvelope
        if (!event.replayed) gaps?.noteDelivery(typeof envelope.data?.messageId === 'string' ? envelope.data.messageId : undefined)
        applyWebhook(envelope, { board, directory, emit: this.emit, now: nowIso }, event.replayed)
      },
      onDelivery: (delivery) => {
        deliveries.record(delivery)
        // Without headers and body: every window gets every delivery, and opens one at a time.
        this.emit({ event: 'webhook.delivery', data: toDeliverySummary(delivery) })
      }
    })

    // The copilot drafts (and in autopilot sends) answers; it hears every event and answers through the broker.
    const copilot = createSessionCopilot({ clock, logger, store, secrets, sandbox, board, directory, api, broker, emit: this.emit,
      quickReplies: () => settings().quickReplies,
      connect: o.copilotConnect
    })
    onStop(() => copilot.stop())

    await replayJournal(journal, { board, directory, deliveries, emit: this.emit, now: nowIso })
    // Subscribed after the replay: texts from earlier runs are history, not something to draft.
    onStop(this.onEvent(copilot.observe))
    // History and search follow every event from here on; the whole journal is read in the background.
    const afterwards = await HistoryService.open(o.dataDir, logger)
    this.listeners.add(afterwards.onEvent)
    onStop(() => afterwards.stop())
    void afterwards.start(journal, directory, nowIso)
    try {
      await receiver.start()
    } catch (err) {
      throw isPortTaken(err) ? new PortTakenError(o.receiver?.port ?? 0, 'receiver', err) : err
    }
    onStop(() => receiver.stop())
    onStop(() => broker.closeAll())
    onStop(() => tracker.stopAll())
    const scenarios = new ScenarioService(new ScenarioStore(path.join(o.dataDir, 'scenarios')), { clock, logger, emit: this.emit })
    onStop(() => scenarios.stopAll())

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
      history,
      afterwards,
      replyAuthors,
      transferOverrides,
      sandbox,
      store,
      secrets,
      ring,
      gaps,
      ...(o.ngrokApiUrl ? { ngrokApiUrl: o.ngrokApiUrl } : {}),
      ...(o.connectTimeoutMs ? { connectTimeoutMs: o.connectTimeoutMs } : {}),
      emit: this.emit,
      settings,
      updateSettings: (patch) => (cachedSettings = writeSettings(store, patch)),
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
        hasApiKey: Boolean(secrets.get(API_KEY_SECRET)),
        tunnelUrl: store.get<string>(TUNNEL_URL_KEY) ?? null,
        // A sandbox state file that could not be read was kept aside: say so once, here.
        notice: sandbox?.sim.notice ?? null,
        alertsMutedUntil: mute.mutedUntil(),
        journal: journal.health()
      })
    }
    this.handlers = {
      ...appHandlers(this.ctx),
      ...callHandlers(this.ctx, track),
      ...sandboxHandlers(this.ctx, track),
      ...directoryHandlers(this.ctx),
      ...messagingHandlers(this.ctx),
      ...webhookHandlers(this.ctx),
      ...webhookConnectHandlers(this.ctx),
      ...scenarioHandlers({
        service: scenarios,
        clock,
        call: async (callId) => {
          const found = await this.invoke('calls.get', { callId })
          return found.ok ? (found.value as { call: CallInfo; transcript: TranscriptTurn[] }) : null
        },
        delivery: (id) => deliveries.get(id) ?? null,
        receiverUrl: () => receiver.url,
        currentSecret: () => ring.secretOf() ?? ring.accepted()[0] ?? null,
        webhookTimeoutMs: () => settings().webhookTimeoutSeconds * 1000
      }),
      ...alertHandlers({ mute }),
      ...reportErrorHandlers({ logger, secrets: () => secretValues(secrets, ring) }),
      ...diagnosticsHandlers(this.ctx, { journalDir, recentLogLines: o.recentLogLines }),
      ...historyHandlers(this.ctx),
      ...copilotHandlers(copilot),
      ...updateHandlers({ version: o.version ?? '0.0.0' }),
      ...teamHandlers(o.audit ?? new AuditLog({ dir: o.dataDir, clock, logger })),
      ...callHistoryHandlers({ ...this.ctx, service: afterwards, secrets: () => secretValues(secrets, ring) }),
      ...usageBreakdownHandlers(this.ctx)
    }

    if (sandbox) {
      // The simulator's webhook points at our receiver, registered the same way as in live mode.
      const webhook = await api.webhooks.set({ url: receiver.url, timeout: settings().webhookTimeoutSeconds, contextLimit: 10 })
      ring.rotate(webhook.secret)
      wireSandboxEvents(sandbox.sim, { board, directory, emit: this.emit, nowIso })
      await directory.refresh()
      // The simulator started empty: calls the journal still shows as live ended with the last run.
      for (const call of board.list(true)) board.end(call.id, { endedAt: nowIso(), status: 'failed', reason: 'switchboard_restarted' })
      return
    }
    directory.refresh().catch((err: unknown) => logger.warn('could not load agents', { error: String(err) }))
    // Only a console that registered its receiver can have missed anything.
    if (gaps && store.get(OUR_WEBHOOK_KEY)) gaps.start()
    onStop(() => gaps?.stop())
    const poller = new CallPoller({ api, board, directory, clock, logger, follower: tracker })
    poller.start()
    onStop(() => poller.stop())
  }
}

/** Every secret the core holds now, for redacting texts that come from outside. */
function secretValues(secrets: SecretStore, ring: SecretRing): string[] {
  return [secrets.get(API_KEY_SECRET), secrets.get(WEBHOOK_SECRET), ...ring.accepted()].filter((v): v is string => Boolean(v))
}

export function startSession(options: SessionOptions): Promise<Session> {
  return Session.start(options)
}
