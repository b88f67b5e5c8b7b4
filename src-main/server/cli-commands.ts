/**
 * What `switchboard serve` and `switchboard sim` do, with the core passed in so tests can run the
 * commands against a fake session. Output contract: exactly one JSON line on stdout once ready;
 * everything else on stderr.
 */
import { randomBytes } from 'node:crypto'
import type { AppStatus, Mode } from '../../src-preload/contract'
import { withCopilotKey, withCopilotOverrides } from '../core/copilot/copilot-env'
import type { Logger } from '../core/ports'
import type { SessionLike, SessionOptions } from '../core/session-types'
import type { ServeArgs, SimArgs } from './cli-args'
import { defaultDataDir } from './data-dir'
import { startHeadlessServer } from './headless-server'
import { confSettingsStore, fileSecretStore } from './headless-stores'

/** Something that can be stopped on SIGINT/SIGTERM. */
export interface Running {
  stop(): Promise<void>
}

/** How the CLI starts the core: `startSessionHost` (mode optional: the saved mode, else sandbox). */
export type StartCore = (options: Omit<SessionOptions, 'mode'> & { mode?: Mode }) => Promise<SessionLike & { status(): AppStatus }>

export interface ServeDeps {
  startSession: StartCore
  staticDir: string
  env: NodeJS.ProcessEnv
  logger: Logger
  version?: string
  /** Receives the one ready line (stdout in the CLI). */
  printLine(line: string): void
}

/** Starts the session, then the server, then prints the ready line. */
export async function runServe(args: ServeArgs, deps: ServeDeps): Promise<Running> {
  const dataDir = args.dataDir ?? defaultDataDir(deps.env)
  // The copilot's key may come from the SDK's own OPENAI_API_KEY, like AGENTPHONE_API_KEY above it.
  const secrets = withCopilotKey(fileSecretStore(dataDir, deps.env), deps.env.OPENAI_API_KEY)
  // A key in the environment means live. Without one the core resumes the mode saved last time
  // (live only if a key was saved through the UI), which for a fresh data folder is sandbox.
  const mode: Mode | undefined = deps.env.AGENTPHONE_API_KEY?.trim() ? 'live' : undefined
  deps.logger.info('starting', { dataDir, mode: mode ?? 'as saved (default sandbox)' })

  const session = await deps.startSession({
    mode,
    dataDir,
    logger: deps.logger,
    settings: withCopilotOverrides(confSettingsStore(dataDir), {
      mode: args.copilot,
      baseUrl: deps.env.OPENAI_BASE_URL?.trim(),
      model: deps.env.SWITCHBOARD_COPILOT_MODEL?.trim()
    }),
    secrets,
    receiver: { port: args.receiverPort },
    live: { baseUrl: args.baseUrl },
    version: deps.version
  })
  let server
  try {
    server = await startHeadlessServer({ session, host: args.host, port: args.port, staticDir: deps.staticDir, logger: deps.logger })
  } catch (error) {
    await session.stop()
    throw error
  }

  const status = session.status()
  deps.logger.info(`running in ${status.mode} mode`)
  if (status.notice) deps.logger.warn(status.notice)
  const ready: Record<string, unknown> = {
    ready: true,
    // The token rides in the fragment, which browsers never send to a server or in a Referer.
    ui: `${server.url}/#token=${encodeURIComponent(server.token)}`,
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

/** What `sim` needs of the simulator (src-main/core/sim/simulator.ts). */
export interface SimulatorLike {
  start(): Promise<unknown>
  stop(): Promise<void> | void
  readonly url: string
  /** The project webhook registered from --webhook-url, whose secret signs every delivery. */
  projectWebhook?(apiKey: string): { secret: string } | null
}

export interface SimOptions {
  host: string
  port: number
  apiKeys: string[]
  webhookUrl?: string
  seed?: boolean
}

export interface SimDeps {
  createSimulator(options: SimOptions): SimulatorLike
  logger: Logger
  printLine(line: string): void
}

/**
 * Starts the simulator alone and prints `{"ready": true, "simulator": URL, "apiKey": K}`, plus
 * `webhookSecret` when --webhook-url was given (the developer's server needs it to verify).
 */
export async function runSim(args: SimArgs, deps: SimDeps): Promise<Running> {
  const apiKey = args.apiKey ?? `sk_sim_${randomBytes(16).toString('hex')}`
  const sim = deps.createSimulator({
    host: args.host,
    port: args.port,
    apiKeys: [apiKey],
    webhookUrl: args.webhookUrl,
    seed: args.seed
  })
  const started = await sim.start()
  const fromStart = (started as { url?: unknown } | undefined)?.url
  const url = typeof fromStart === 'string' ? fromStart : sim.url
  const ready: Record<string, unknown> = { ready: true, simulator: url, apiKey }
  const secret = args.webhookUrl ? sim.projectWebhook?.(apiKey)?.secret : undefined
  if (secret) ready.webhookSecret = secret
  deps.printLine(JSON.stringify(ready))
  return { stop: async () => void (await sim.stop()) }
}
