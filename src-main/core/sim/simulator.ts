/**
 * The offline AgentPhone: the REST API over real HTTP, signed webhook delivery with retries, voice
 * turns read per the response contract, a hosted stand-in responder, and a sandbox phone. Plain
 * Node (no Electron), so the core runs it in-process and `switchboard sim` runs it alone.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { silentLogger } from '../ports'
import { Account } from './account'
import { createAgent, buyNumber } from './agent-store'
import { CallEngine } from './call-engine'
import type { SimRuntime } from './context'
import { DEFAULT_RETRY_DELAYS_MS, Deliverer } from './deliveries'
import { SimEmitter } from './emitter'
import { handleRequest } from './http-server'
import { NumberPool } from './ids'
import { Messaging } from './messaging'
import { RateLimiter } from './rate-limit'
import { buildRouter } from './routes'
import { SandboxPhone } from './sandbox-phone'
import { seedAccount } from './seed'
import { agentOut, numberOut } from './serialize'
import type { SimulatorEvents, SimulatorOptions, VoiceMode, WebhookRec } from './types'
import { upsertWebhook } from './webhook-config'

export const SANDBOX_AGENT_NAME = 'Sandbox Agent'


/** The real API's price of a number ($3.00/month) and a sandbox account's starting balance. */
const NUMBER_PRICE_CENTS = 300
const DEFAULT_BALANCE_CENTS = 10_000
/** The sandbox's agent and number in the API's wire shapes, with the fields the core reads typed. */
export interface SandboxAccount {
  agent: { id: string; name: string; voiceMode: VoiceMode; beginMessage: string | null } & Record<string, unknown>
  number: { id: string; phoneNumber: string; status: string } & Record<string, unknown>
}

export class Simulator {
  /** The sandbox phone: play the caller and the SMS contact. */
  readonly sandbox: SandboxPhone
  private readonly rt: SimRuntime
  private readonly emitter = new SimEmitter()
  private server: http.Server | null = null
  private started = false
  private address = ''

  constructor(private readonly options: SimulatorOptions) {
    if (options.apiKeys.length === 0) throw new Error('the simulator needs at least one API key')
    const logger = options.logger ?? silentLogger
    const deliverer = new Deliverer({
      clock: options.clock,
      logger,
      retryDelaysMs: options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
      ...(options.webhookTimeoutMs !== undefined ? { timeoutMs: options.webhookTimeoutMs } : {})
    })
    const ctx = {
      clock: options.clock,
      logger,
      emitter: this.emitter,
      pool: new NumberPool(),
      deliverer,
      numberLimit: options.numberLimit ?? 10,
      numberPriceCents: NUMBER_PRICE_CENTS,
      sseHeartbeatMs: options.sseHeartbeatMs ?? 15_000,
      accounts: new Map(options.apiKeys.map((k) => [k, new Account(k, options.balanceCents ?? DEFAULT_BALANCE_CENTS)]))
    }
    this.rt = Object.assign(ctx, { calls: new CallEngine(ctx), messaging: new Messaging(ctx) })
    this.sandbox = new SandboxPhone(this.rt)
    for (const account of this.rt.accounts.values()) {
      if (options.seed) seedAccount(this.rt, account)
      if (options.webhookUrl) account.projectWebhook = upsertWebhook(this.rt, null, { url: options.webhookUrl })
    }
  }

  /** The base URL (`http://host:port`), once started. */
  get url(): string {
    return this.address
  }

  /** Listens on `host:port` (port 0: any free port). A second start is refused. */
  async start(): Promise<{ url: string }> {
    if (this.started) throw new Error('simulator already started')
    this.started = true
    const limiter = this.options.rateLimit ? new RateLimiter(this.options.clock, this.options.rateLimit.perMinute) : null
    const door = { router: buildRouter(this.rt), accounts: this.rt.accounts, limiter, logger: this.rt.logger }
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

  /** Releases the port, every open stream, every pending retry and every request in flight. */
  async stop(): Promise<void> {
    this.rt.deliverer.stop()
    this.rt.calls.stop()
    const server = this.server
    this.server = null
    if (!server) return
    await new Promise<void>((resolve) => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
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
   * first use. Answers the API's own wire shapes.
   */
  ensureSandboxAccount(apiKey: string): SandboxAccount {
    const account = this.rt.accounts.get(apiKey)
    if (!account) throw new Error('unknown API key')
    let agent = [...account.agents.values()].find((a) => a.name === SANDBOX_AGENT_NAME)
    agent ??= createAgent(this.rt, account, { name: SANDBOX_AGENT_NAME, description: 'Ready-made agent for trying calls and texts.', voiceMode: 'webhook' })
    // Past the number limit the sandbox still gets its line: it is the simulator's own fixture.
    const number = account.numbersOf(agent.id)[0] ?? buyNumber({ ...this.rt, numberLimit: Infinity, numberPriceCents: 0 }, account, { country: 'US', agentId: agent.id })
    return {
      agent: { ...agentOut(account, agent), id: agent.id, name: agent.name, voiceMode: agent.voiceMode, beginMessage: agent.beginMessage },
      number: { ...numberOut(number), id: number.id, phoneNumber: number.phoneNumber, status: number.status }
    }
  }

  /** The account's project webhook (with its secret), e.g. to verify deliveries in-process. */
  projectWebhook(apiKey: string): WebhookRec | null {
    return this.rt.accounts.get(apiKey)?.projectWebhook ?? null
  }
}
