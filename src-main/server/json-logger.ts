/**
 * Logging through pino, behind the core's small Logger interface: JSON lines (one object per line,
 * with time, level and msg), secret-looking fields censored by name, and the most recent lines kept
 * in memory for app.diagnostics. The headless shell writes them to stderr; the Electron shell to a
 * rotating file (src-main/shell/log-file.ts).
 */
import pino from 'pino'
import type { Logger } from '../core/ports'

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

/** Field names whose values never reach a log, at the top level or one level down. */
const SECRET_FIELDS = ['apiKey', 'secret', 'webhookSecret', 'token', 'authorization', 'password']
export const REDACT_PATHS = [...SECRET_FIELDS, ...SECRET_FIELDS.map((f) => `*.${f}`)]

export interface RecentLines {
  stream: { write(line: string): void }
  lines(): string[]
}

/** A sink that keeps the last `max` lines written to it. */
export function recentLines(max = 200): RecentLines {
  const kept: string[] = []
  return {
    stream: {
      write(line) {
        kept.push(line.trimEnd())
        if (kept.length > max) kept.splice(0, kept.length - max)
      }
    },
    lines: () => [...kept]
  }
}

/** A pino instance writing to `destination`, with the shared options. */
export function createPino(level: LogLevel, destination: pino.DestinationStream): pino.Logger {
  return pino({ level, base: undefined, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, timestamp: pino.stdTimeFunctions.isoTime }, destination)
}

/** The core's Logger over pino: `info(message, fields)` becomes one line with the fields merged in. */
export function toLogger(log: pino.Logger): Logger {
  return {
    info: (message, fields) => log.info(fields ?? {}, message),
    warn: (message, fields) => log.warn(fields ?? {}, message),
    error: (message, fields) => log.error(fields ?? {}, message)
  }
}

/** The headless shell's logger: JSON lines on stderr (stdout carries only the ready line). */
export function createStderrLogger(level: LogLevel, recent: RecentLines = recentLines()): { logger: Logger; recent: RecentLines } {
  const stderr = pino.destination({ dest: 2, sync: true })
  return { logger: toLogger(createPino(level, pino.multistream([{ stream: stderr, level: 'trace' }, { stream: recent.stream, level: 'trace' }]))), recent }
}
