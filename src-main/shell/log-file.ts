/**
 * The Electron shell's log: JSON lines in `<userData>/logs/switchboard.N.log`, rolled at 5 MB with
 * the three before it kept (pino-roll), plus the terminal under `npm start`, plus the recent lines
 * for Help › Copy diagnostics.
 */
import path from 'node:path'
import pino from 'pino'
import roll from 'pino-roll'
import type { Logger } from '../core/ports'
import { createPino, recentLines, toLogger, type LogLevel, type RecentLines } from '../server/json-logger'

export interface LogFile {
  logger: Logger
  recent: RecentLines
  dir: string
  /** Writes out what is buffered (at quit: the file stream writes asynchronously). */
  flush(): void
  close(): void
}

export async function openLogFile(userData: string, options: { level?: LogLevel; echo?: boolean; size?: string } = {}): Promise<LogFile> {
  const dir = path.join(userData, 'logs')
  const file = await roll({ file: path.join(dir, 'switchboard'), extension: '.log', size: options.size ?? '5m', limit: { count: 3 }, mkdir: true })
  const recent = recentLines()
  const streams: pino.StreamEntry[] = [
    { stream: file, level: 'trace' },
    { stream: recent.stream as pino.DestinationStream, level: 'trace' }
  ]
  if (options.echo) streams.push({ stream: process.stdout, level: 'trace' })
  const flush = (): void => {
    try {
      file.flushSync()
    } catch {
      // Nothing buffered, or the stream is already closed.
    }
  }
  return { logger: toLogger(createPino(options.level ?? 'info', pino.multistream(streams))), recent, dir, flush, close: () => file.end() }
}

/** A Logger that forwards to whichever logger is current (the console until the file is open). */
export function switchableLogger(initial: Logger): Logger & { use(next: Logger): void } {
  let current = initial
  return {
    info: (message, fields) => current.info(message, fields),
    warn: (message, fields) => current.warn(message, fields),
    error: (message, fields) => current.error(message, fields),
    use: (next) => void (current = next)
  }
}
