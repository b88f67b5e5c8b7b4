/** pino-roll ships no types: the part of its API the log file uses. */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino'
  interface RollOptions {
    file: string
    size?: string | number
    frequency?: string | number
    extension?: string
    mkdir?: boolean
    limit?: { count?: number }
  }
  export default function roll(options: RollOptions): Promise<DestinationStream & { end(): void; flushSync(): void }>
}
