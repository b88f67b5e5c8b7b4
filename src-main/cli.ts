#!/usr/bin/env node
/**
 * `switchboard serve | sim | test`: the headless entry point (built to out/main/cli.js). It never imports
 * Electron. stdout carries exactly one JSON line once ready; logs and errors go to stderr.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startSessionHost } from './core/session-host'
import { Simulator } from './core/sim/simulator'
import { savedApiKeys } from './core/sim/state-store'
import { parseCliArgs, USAGE, UsageError } from './server/cli-args'
import type { CliArgs } from './server/cli-args'
import { runServe, runSim } from './server/cli-commands'
import { runTest } from './server/cli-test'
import type { Running } from './server/cli-commands'
import { systemClock } from './core/ports'
import { createStderrLogger, type LogLevel } from './server/json-logger'

/** JSON lines on stderr (stdout carries only the ready line); replaced once --log-level is read. */
let stderr = createStderrLogger('info')
const log = (level: 'info' | 'warn' | 'error', message: string): void => stderr.logger[level](message)

/** The package version (out/main/cli.js → ../../package.json), for app.status. */
function readVersion(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown }
    return typeof pkg.version === 'string' ? pkg.version : undefined
  } catch {
    return undefined
  }
}

const printLine = (line: string): void => void process.stdout.write(`${line}\n`)

function start(args: Exclude<CliArgs, { command: 'help' | 'test' }>): Promise<Running> {
  const logger = stderr.logger
  if (args.command === 'serve') {
    // out/main/cli.js → out/web: the renderer built for the browser; ../../resources: the icons.
    const staticDir = fileURLToPath(new URL('../web', import.meta.url))
    const resourcesDir = fileURLToPath(new URL('../../resources', import.meta.url))
    const recentLogLines = (): string[] => stderr.recent.lines()
    return runServe(args, { startSession: (o) => startSessionHost({ ...o, recentLogLines }), staticDir, resourcesDir, env: process.env, logger, printLine, version: readVersion() })
  }
  return runSim(args, {
    createSimulator: (options) => new Simulator({ clock: systemClock, logger, ...options }),
    savedApiKeys,
    logger,
    printLine
  })
}

function useLogLevel(level: LogLevel): void {
  if (level !== 'info') stderr = createStderrLogger(level)
}

async function main(): Promise<void> {
  let args: CliArgs
  try {
    args = parseCliArgs(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`switchboard: ${error.message}\n\n${USAGE}\n`)
    process.exit(2)
  }
  if (args.command === 'help') {
    process.stderr.write(`${USAGE}\n`)
    return
  }
  if (args.command === 'test') {
    const out = (text: string): void => void process.stdout.write(text)
    const err = (text: string): void => void process.stderr.write(text)
    process.exitCode = await runTest(args, { clock: systemClock, env: process.env, out, err })
    return
  }

  useLogLevel(args.logLevel)
  let running: Running
  try {
    running = await start(args)
  } catch (error) {
    log('error', `could not start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }

  let stoppingSince = 0
  const shutdown = (signal: string): void => {
    if (stoppingSince > 0) {
      // conf's write-file helper (when-exit) re-raises the signal it caught at once; only a second
      // Ctrl-C from a person, a moment later, means "now": do not wait for a stuck shutdown.
      if (Date.now() - stoppingSince > 500) process.exit(1)
      return
    }
    stoppingSince = Date.now()
    log('info', `${signal}: shutting down`)
    // A watchdog, so a hung port or file handle cannot keep the process alive forever.
    setTimeout(() => {
      log('error', 'shutdown took too long; exiting anyway')
      process.exit(1)
    }, 10_000).unref()
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', `shutdown failed: ${String(error)}`)
        process.exit(1)
      }
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))
}

void main()
