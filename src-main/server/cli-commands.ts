/**
 * What `switchboard serve` and `switchboard sim` do, with the core passed in so tests can run the
 * commands against a fake session. Output contract: exactly one JSON line on stdout once ready;
 * everything else on stderr.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { AppStatus } from '../../src-preload/contract'
import { withCopilotKey, withCopilotOverrides } from '../core/copilot/copilot-env'
import { AuditLog } from '../core/audit/audit-log'
import { systemClock, type Logger } from '../core/ports'
import { ensurePrivateDir } from '../core/private-files'
import type { SessionHostOptions } from '../core/session-host'
import type { SessionLike } from '../core/session-types'
import { DEFAULT_LIVE_BASE_URL, parseBaseUrl, type ServeArgs, type SimArgs } from './cli-args'
import { defaultDataDir } from './data-dir'
import { confSettingsStore, fileSecretStore } from './headless-stores'
import { TokenStore } from './token-store'
import { listenUi } from './ui-listener'
import { isLoopbackHost } from './upgrade-guard'

/** Something that can be stopped on SIGINT/SIGTERM. */
export interface Running {
  stop(): Promise<void>
}

/** How the CLI starts the core: `startSessionHost`, which decides the mode and which key wins. */
export type StartCore = (options: SessionHostOptions) => Promise<SessionLike & { status(): AppStatus }>

export interface ServeDeps {
  startSession: StartCore
  staticDir: string
  /** resources/ (icons); optional in tests. */
  resourcesDir?: string
  env: NodeJS.ProcessEnv
  logger: Logger
  version?: string
  /** Receives the one ready line (stdout in the CLI). */
  printLine(line: string): void
}

/** Starts the session, then the server, then prints the ready line. */
export async function runServe(args: ServeArgs, deps: ServeDeps): Promise<Running> {
  const dataDir = args.dataDir ?? defaultDataDir(deps.env)
  await ensurePrivateDir(dataDir)
  const settings = confSettingsStore(dataDir)
  // The hub's own machine chooses where the API key goes: the flag, else the environment.
  const baseUrl = args.baseUrl ?? parseBaseUrl('AGENTPHONE_BASE_URL', deps.env.AGENTPHONE_BASE_URL || undefined) ?? DEFAULT_LIVE_BASE_URL
  const tls = args.tlsCert && args.tlsKey ? readTls(args.tlsCert, args.tlsKey) : undefined
  const tokens = TokenStore.open({ dataDir, rotate: args.newToken, logger: deps.logger })
  if (args.newToken) deps.logger.warn("a new owner token was made: the owner's address handed out before no longer opens the UI")
  deps.logger.info('starting', { dataDir })
  // The copilot's key may come from the SDK's own OPENAI_API_KEY, as the API key may from AGENTPHONE_API_KEY.
  const secrets = withCopilotKey(fileSecretStore(dataDir), deps.env.OPENAI_API_KEY)
  // One activity trail for the core's commands and the team's links.
  const audit = new AuditLog({ dir: dataDir, clock: systemClock, logger: deps.logger })

  const session = await deps.startSession({
    env: deps.env,
    dataDir,
    logger: deps.logger,
    settings: withCopilotOverrides(settings, {
      mode: args.copilot,
      baseUrl: deps.env.OPENAI_BASE_URL?.trim(),
      model: deps.env.SWITCHBOARD_COPILOT_MODEL?.trim()
    }),
    secrets,
    receiver: { port: args.receiverPort },
    live: { baseUrl },
    audit,
    version: deps.version
  })
  let server
  try {
    server = await listenUi({
      session,
      host: args.host,
      explicitPort: args.port,
      settings,
      staticDir: deps.staticDir,
      resourcesDir: deps.resourcesDir,
      logger: deps.logger,
      tokens,
      audit,
      tls,
      publicUrl: args.publicUrl
    })
  } catch (error) {
    await session.stop()
    throw error
  }

  const status = session.status()
  deps.logger.info(`running in ${status.mode} mode`)
  if (!tls && (!isLoopbackHost(args.host) || args.publicUrl?.startsWith('http:'))) {
    deps.logger.warn(
      `traffic to this hub is unencrypted: anyone on the network between a browser and ${args.host} can read its link, calls and texts. ` +
        'Give --tls-cert and --tls-key, or put it behind a reverse proxy with HTTPS (README: "A hub for a team", Caddy and nginx recipes).'
    )
  }
  if (status.notice) deps.logger.warn(status.notice)
  const ready: Record<string, unknown> = {
    ready: true,
    // The token rides in the fragment, which browsers never send to a server or in a Referer.
    ui: `${args.publicUrl ?? server.url}/#token=${encodeURIComponent(server.token)}`,
    bridge: server.bridgeUrl,
    receiver: status.receiverUrl
  }
  if (status.mode === 'sandbox' && status.simulatorUrl) ready.simulator = status.simulatorUrl
  deps.printLine(JSON.stringify(ready))

  const liveServer = server
  return {
    async stop() {
      await liveServer.close()
      await session.stop()
    }
  }
}

/** Reads the PEM files named by --tls-cert/--tls-key; a file that cannot be read is a clear error. */
function readTls(certFile: string, keyFile: string): { cert: Buffer; key: Buffer } {
  const read = (flag: string, file: string): Buffer => {
    try {
      return readFileSync(file)
    } catch (error) {
      throw new Error(`${flag} ${file} cannot be read: ${(error as Error).message}`)
    }
  }
  return { cert: read('--tls-cert', certFile), key: read('--tls-key', keyFile) }
}

/** What `sim` needs of the simulator (src-main/core/sim/simulator.ts). */
export interface SimulatorLike {
  start(): Promise<unknown>
  stop(): Promise<void> | void
  readonly url: string
  /** The project webhook registered from --webhook-url, whose secret signs every delivery. */
  projectWebhook?(apiKey: string): { secret: string } | null
  /** Why a saved state could not be used, once started. */
  readonly notice?: string | null
}

export interface SimOptions {
  host: string
  port: number
  apiKeys: string[]
  webhookUrl?: string
  seed?: boolean
  /** The simulator keeps its state here between runs. */
  dataDir?: string
}

export interface SimDeps {
  createSimulator(options: SimOptions): SimulatorLike
  /** The API keys a saved state holds (src-main/core/sim/state-store.ts), so a restart reuses its key. */
  savedApiKeys?(dataDir: string): Promise<string[]>
  logger: Logger
  printLine(line: string): void
}

/**
 * Starts the simulator alone and prints `{"ready": true, "simulator": URL, "apiKey": K}`, plus
 * `webhookSecret` when --webhook-url was given (the developer's server needs it to verify) and
 * `notice` when a saved state could not be read (it was kept aside).
 */
export async function runSim(args: SimArgs, deps: SimDeps): Promise<Running> {
  // With a data folder and no --api-key, the saved account's key comes back with its state.
  const saved = args.dataDir && !args.apiKey ? ((await deps.savedApiKeys?.(args.dataDir)) ?? []) : []
  const apiKey = args.apiKey ?? saved[0] ?? `sk_sim_${randomBytes(16).toString('hex')}`
  const sim = deps.createSimulator({
    host: args.host,
    port: args.port,
    apiKeys: [apiKey],
    webhookUrl: args.webhookUrl,
    seed: args.seed,
    ...(args.dataDir ? { dataDir: args.dataDir } : {})
  })
  const started = await sim.start()
  const fromStart = (started as { url?: unknown } | undefined)?.url
  const url = typeof fromStart === 'string' ? fromStart : sim.url
  const ready: Record<string, unknown> = { ready: true, simulator: url, apiKey }
  const secret = args.webhookUrl ? sim.projectWebhook?.(apiKey)?.secret : undefined
  if (secret) ready.webhookSecret = secret
  const notice = sim.notice ?? null
  if (notice) ready.notice = notice
  deps.printLine(JSON.stringify(ready))
  return { stop: async () => void (await sim.stop()) }
}
