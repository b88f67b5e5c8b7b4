/**
 * Argument parsing for `switchboard serve | sim`, kept apart from the commands so it can be tested
 * without starting anything. Bad input throws a UsageError, which the CLI turns into exit code 2.
 */
import { parseArgs } from 'node:util'
import type { ParseArgsConfig } from 'node:util'
import { TEST_USAGE, parseTestArgs } from './cli-test-args'
import type { TestArgs } from './cli-test-args'
import { LOG_LEVELS, type LogLevel } from './json-logger'
import { checkBaseUrl } from '../../src-preload/base-url-rule'

export const USAGE = `usage:
  switchboard serve [--host H] [--port P] [--receiver-port R] [--data-dir D] [--base-url URL] [--new-token] [--log-level L]
                    [--tls-cert FILE --tls-key FILE] [--public-url URL] [--copilot off|suggest|autopilot]
      Runs Switchboard headless: the UI and its WebSocket bridge on http://H:P (https with --tls-*).
      Live mode when AGENTPHONE_API_KEY is set, otherwise sandbox (built-in simulator).
      The UI (default 7480) and the receiver (default 7481) keep their ports from one start to the
      next, and the address keeps its token: open tabs reconnect. --new-token makes a new owner
      token (the owner's link handed out before stops working); port 0 takes any free port for this
      run only. --base-url (or AGENTPHONE_BASE_URL) must be https:// or a loopback address: the
      API key is sent there. --public-url is the address people open through a reverse proxy.
      --copilot sets the reply copilot for this run; it reads OPENAI_BASE_URL, OPENAI_API_KEY and
      SWITCHBOARD_COPILOT_MODEL.
  switchboard sim [--host H] [--port P] [--api-key K] [--webhook-url U] [--seed] [--data-dir D] [--log-level L]
      Runs only the AgentPhone simulator, e.g. against your own webhook server.
      With --data-dir its state (and key) survive restarts; without, it lives in memory only.
${TEST_USAGE}

  sim's port defaults to 0 (any free port); hosts to 127.0.0.1. Prints one JSON line on stdout when
  ready; logs go to stderr as JSON lines, from --log-level up (${LOG_LEVELS.join(', ')}; default info).`

/** A command line that cannot be run; its message says why. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

export const DEFAULT_HOST = '127.0.0.1'
export const DEFAULT_LIVE_BASE_URL = 'https://api.agentphone.ai'

export interface ServeArgs {
  command: 'serve'
  host: string
  /** undefined: the port remembered from the last start, else 7480 (see stable-ports.ts). */
  port: number | undefined
  /** undefined: the remembered receiver port, else 7481. */
  receiverPort: number | undefined
  /** undefined: `$SWITCHBOARD_DATA_DIR` or the OS app-data folder (see data-dir.ts). */
  dataDir: string | undefined
  /** undefined: `$AGENTPHONE_BASE_URL`, else AgentPhone's (see cli-commands.ts). Always https or loopback. */
  baseUrl: string | undefined
  logLevel: LogLevel
  /** Make a new bridge token (the old address stops working). */
  newToken: boolean
  /** PEM files: serve HTTPS and WSS. Both or neither. */
  tlsCert?: string
  tlsKey?: string
  /** The address people open through a reverse proxy (printed in the ready line instead). */
  publicUrl?: string
  /** `--copilot`: the copilot's mode for this run; undefined keeps the saved one. */
  copilot: CopilotFlag | undefined
}

const COPILOT_MODES = ['off', 'suggest', 'autopilot'] as const
export type CopilotFlag = (typeof COPILOT_MODES)[number]

function parseCopilot(value: string | undefined): CopilotFlag | undefined {
  if (value === undefined) return undefined
  if (!(COPILOT_MODES as readonly string[]).includes(value)) throw new UsageError(`--copilot must be off, suggest or autopilot, got "${value}"`)
  return value as CopilotFlag
}

export interface SimArgs {
  command: 'sim'
  host: string
  port: number
  /** undefined: a random key is made up and printed. */
  apiKey: string | undefined
  webhookUrl: string | undefined
  seed: boolean
  /** undefined: memory only. */
  dataDir: string | undefined
  logLevel: LogLevel
}

export type CliArgs = ServeArgs | SimArgs | TestArgs | { command: 'help' }

function parsePort(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UsageError(`--${flag} must be a port number from 0 to 65535, got "${value}"`)
  }
  return Number(value)
}

function parseHttpUrl(flag: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new UsageError(`--${flag} must be a URL, got "${value}"`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--${flag} must be an http(s) URL`)
  return value.replace(/\/+$/, '')
}

/** `--base-url`: where the API key is sent, so https:// or this machine only (base-url-rule.ts). */
export function parseBaseUrl(source: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined
  const verdict = checkBaseUrl(value)
  if (!verdict.ok) throw new UsageError(`${source}: ${verdict.message}`)
  return verdict.url
}

function parseLogLevel(value: string | undefined): LogLevel {
  if (value === undefined) return 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(value)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`)
  return value as LogLevel
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new UsageError(`--${flag} must not be empty`)
  return value
}

function parse(args: string[], options: NonNullable<ParseArgsConfig['options']>): Record<string, string | boolean | undefined> {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false })
      .values as Record<string, string | boolean | undefined>
  } catch (error) {
    // parseArgs explains unknown flags and missing values well; keep its words, drop its code.
    throw new UsageError((error as Error).message)
  }
}

/** Parses `argv` (without node and the script), e.g. `['serve', '--port', '8080']`. */
export function parseCliArgs(argv: readonly string[]): CliArgs {
  const [command, ...rest] = argv
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' }

  if (command === 'serve') {
    const v = parse(rest, {
      host: { type: 'string' },
      port: { type: 'string' },
      'receiver-port': { type: 'string' },
      'data-dir': { type: 'string' },
      'base-url': { type: 'string' },
      'log-level': { type: 'string' },
      'new-token': { type: 'boolean' },
      copilot: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'public-url': { type: 'string' }
    })
    if (v.help) return { command: 'help' }
    const tlsCert = nonEmpty('tls-cert', v['tls-cert'] as string | undefined)
    const tlsKey = nonEmpty('tls-key', v['tls-key'] as string | undefined)
    if ((tlsCert === undefined) !== (tlsKey === undefined)) throw new UsageError('--tls-cert and --tls-key go together: give both PEM files, or neither')
    return {
      command: 'serve',
      copilot: parseCopilot(v.copilot as string | undefined),
      ...(tlsCert && tlsKey ? { tlsCert, tlsKey } : {}),
      ...(v['public-url'] !== undefined ? { publicUrl: parseHttpUrl('public-url', v['public-url'] as string) } : {}),
      host: nonEmpty('host', v.host as string | undefined) ?? DEFAULT_HOST,
      port: parsePort('port', v.port as string | undefined),
      receiverPort: parsePort('receiver-port', v['receiver-port'] as string | undefined),
      dataDir: nonEmpty('data-dir', v['data-dir'] as string | undefined),
      baseUrl: parseBaseUrl('--base-url', v['base-url'] as string | undefined),
      logLevel: parseLogLevel(v['log-level'] as string | undefined),
      newToken: v['new-token'] === true
    }
  }

  if (command === 'sim') {
    const v = parse(rest, {
      host: { type: 'string' },
      port: { type: 'string' },
      'api-key': { type: 'string' },
      'webhook-url': { type: 'string' },
      seed: { type: 'boolean' },
      'data-dir': { type: 'string' },
      'log-level': { type: 'string' }
    })
    if (v.help) return { command: 'help' }
    return {
      command: 'sim',
      host: nonEmpty('host', v.host as string | undefined) ?? DEFAULT_HOST,
      port: parsePort('port', v.port as string | undefined) ?? 0,
      apiKey: nonEmpty('api-key', v['api-key'] as string | undefined),
      webhookUrl: parseHttpUrl('webhook-url', v['webhook-url'] as string | undefined),
      seed: v.seed === true,
      dataDir: nonEmpty('data-dir', v['data-dir'] as string | undefined),
      logLevel: parseLogLevel(v['log-level'] as string | undefined)
    }
  }

  if (command === 'test') return parseTestArgs(rest)

  throw new UsageError(`unknown command "${command}" (expected serve, sim or test)`)
}
