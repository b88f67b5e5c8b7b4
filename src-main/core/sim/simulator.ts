/**
 * The offline AgentPhone: the REST API over real HTTP, signed webhook delivery with retries, voice
 * turns read per the response contract, a hosted stand-in responder, a simulated callee, call
 * recordings, a sandbox phone, and (with a data folder) state that survives restarts. Plain Node
 * (no Electron), so the core runs it in-process and `switchboard sim` runs it alone.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { silentLogger } from '../ports'
import { Account } from './account'
import { CallEngine } from './call-engine'
import type { SimContext, SimRuntime } from './context'
import { DEFAULT_RETRY_DELAYS_MS, Deliverer } from './deliveries'
import { SimEmitter } from './emitter'
import { handleRequest } from './http-server'
import { isoNow } from './ids'
import { Messaging } from './messaging'
import { NumberPool } from './number-pool'
import { RateLimiter } from './rate-limit'
import { buildRouter } from './routes'
import { serveRecording } from './routes/recording'
import type { SandboxAccount } from './sandbox-account'
import { sandboxAccount } from './sandbox-account'
import { SandboxPhone } from './sandbox-phone'
import { seedAccount } from './seed'
import { restoreAccount, snapshot } from './state-file'
import { StateStore } from './state-store'
import type { SimulatorEvents, SimulatorOptions, WebhookRec } from './types'
import { upsertWebhook } from './webhook-config'

export { SANDBOX_AGENT_NAME } from './sandbox-account'
export type { SandboxAccount } from './sandbox-account'

/** The real API's price of a number ($3.00/month) and a sandbox account's starting balance. */
const NUMBER_PRICE_CENTS = 300
const DEFAULT_BALANCE_CENTS = 10_000

export class Simulator {
  /** The sandbox phone: play the caller and the SMS contact. */
  readonly sandbox: SandboxPhone
  private readonly rt: SimRuntime
  private readonly emitter = new SimEmitter()
  private readonly store: StateStore | null
  private server: http.Server | null = null
  private started = false
  private address = ''
  private loadNotice: string | null = null

  constructor(private readonly options: SimulatorOptions) {
    if (options.apiKeys.length === 0) throw new Error('the simulator needs at least one API key')
    const logger = options.logger ?? silentLogger
    const deliverer = new Deliverer({
      clock: options.clock,
      logger,
      retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {}),
      changed: () => this.store?.schedule()
    })
    const ctx: SimContext = {
      clock: options.clock,
      logger,
      emitter: this.emitter,
      pool: new NumberPool(),
      deliverer,
      numberLimit: options.numberLimit ?? 10,
      numberPriceCents: NUMBER_PRICE_CENTS,
      sseHeartbeatMs: options.sseHeartbeatMs ?? 15_000,
      calleePaceMs: options.calleePaceMs ?? 1500,
      accounts: new Map(options.apiKeys.map((k) => [k, this.freshAccount(k)])),
      changed: () => this.store?.schedule()
    }
    this.rt = Object.assign(ctx, { calls: new CallEngine(ctx), messaging: new Messaging(ctx) })
    this.sandbox = new SandboxPhone(this.rt)
    this.store = options.dataDir
      ? new StateStore({ dir: options.dataDir, clock: options.clock, logger, debounceMs: options.saveDebounceMs ?? 500, snapshot: () => snapshot(this.rt.accounts.values(), isoNow(options.clock)) })
      : null
    // Without a data folder every account is new now; with one, only those the file lacks (at start).
    if (!this.store) for (const account of this.rt.accounts.values()) this.prepare(account, true)
  }

  private freshAccount(apiKey: string): Account {
    return new Account(apiKey, this.options.balanceCents ?? DEFAULT_BALANCE_CENTS)
  }

  /** Demo data for a new account, and the --webhook-url registration (kept when it is already that URL). */
  private prepare(account: Account, fresh: boolean): void {
    if (fresh && this.options.seed) seedAccount(this.rt, account)
    const url = this.options.webhookUrl
    if (url && account.projectWebhook?.url !== url) account.projectWebhook = upsertWebhook(this.rt, account.projectWebhook, { url })
  }

  /** The base URL (`http://host:port`), once started. */
  get url(): string {
    return this.address
  }

  /** Why the saved state could not be used (the file was kept aside), or null. */
  get notice(): string | null {
    return this.loadNotice
  }

  /** Loads the saved state (with a data folder), then listens on `host:port`. A second start is refused. */
  async start(): Promise<{ url: string }> {
    if (this.started) throw new Error('simulator already started')
    this.started = true
    if (this.store) await this.restore(this.store)
    const limiter = this.options.rateLimit ? new RateLimiter(this.options.clock, this.options.rateLimit.perMinute) : null
    const door = {
      router: buildRouter(this.rt),
      accounts: this.rt.accounts,
      limiter,
      logger: this.rt.logger,
      recording: (callId: string, method: string, res: http.ServerResponse) => serveRecording(this.rt.accounts.values(), callId, method, res),
      changed: () => this.rt.changed()
    }
    const server = http.createServer((req, res) => handleRequest(door, req, res))
    this.server = server
    const host = this.options.host ?? '127.0.0.1'
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(this.options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const { port } = server.address() as AddressInfo
    this.address = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
    this.rt.logger.info('simulator listening', { url: this.address })
    return { url: this.address }
  }

  private async restore(store: StateStore): Promise<void> {
    const loaded = await store.load()
    if (loaded.kind === 'corrupt') this.loadNotice = loaded.notice
    const restored = new Set<string>()
    if (loaded.kind === 'loaded') {
      for (const saved of loaded.doc.accounts) {
        const account = restoreAccount(saved, loaded.doc.savedAt)
        this.rt.accounts.set(account.apiKey, account)
        restored.add(account.apiKey)
      }
    }
    for (const account of this.rt.accounts.values()) {
      for (const n of account.numbers.values()) this.rt.pool.reserve(n.phoneNumber)
    }
    for (const account of this.rt.accounts.values()) this.prepare(account, !restored.has(account.apiKey))
    await store.flush()
  }

  /** Releases the port, every open stream, every pending retry and every request in flight; saves the state. */
  async stop(): Promise<void> {
    this.rt.deliverer.stop()
    this.rt.calls.stop()
    const server = this.server
    this.server = null
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
    }
    if (this.started) await this.store?.close()
  }

  /** Subscribes to `heard`, `ring`, `sms` or `call`; returns the unsubscribe. */
  on<K extends keyof SimulatorEvents>(name: K, listener: (event: SimulatorEvents[K]) => void): () => void {
    return this.emitter.on(name, listener)
  }

  off<K extends keyof SimulatorEvents>(name: K, listener: (event: SimulatorEvents[K]) => void): void {
    this.emitter.off(name, listener)
  }

  /**
   * The sandbox's ready agent ("Sandbox Agent", webhook voice mode) and its number, created on
   * first use and remembered by id. Answers the API's own wire shapes.
   */
  ensureSandboxAccount(apiKey: string): SandboxAccount {
    const account = this.rt.accounts.get(apiKey)
    if (!account) throw new Error('unknown API key')
    return sandboxAccount(this.rt, account)
  }

  /**
   * Empties one account (agents, numbers, calls, conversations, contacts, usage, balance) as if new,
   * keeping its key and project webhook. Live calls end first, so their watchers hear it. The
   * sandbox agent and number are made again (new ids) if the account had them; saved at once.
   */
  async reset(apiKey: string): Promise<SandboxAccount | null> {
    const old = this.rt.accounts.get(apiKey)
    if (!old) throw new Error('unknown API key')
    for (const call of old.calls.values()) {
      if (call.status === 'ringing' || call.status === 'in-progress') this.rt.calls.end(old, call, 'sandbox_reset', 'failed')
    }
    for (const n of old.numbers.values()) this.rt.pool.release(n.phoneNumber)
    const fresh = this.freshAccount(apiKey)
    fresh.projectWebhook = old.projectWebhook
    this.rt.accounts.set(apiKey, fresh)
    this.prepare(fresh, true)
    const sandbox = old.sandboxAgentId ? sandboxAccount(this.rt, fresh) : null
    await this.store?.flush()
    return sandbox
  }

  /** The account's project webhook (with its secret), e.g. to verify deliveries in-process. */
  projectWebhook(apiKey: string): WebhookRec | null {
    return this.rt.accounts.get(apiKey)?.projectWebhook ?? null
  }
}
