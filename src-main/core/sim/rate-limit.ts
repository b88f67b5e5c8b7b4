/** A fixed one-minute window per API key; past the limit the API answers 429 with Retry-After. */
import type { Clock } from '../ports'

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>()

  constructor(
    private readonly clock: Clock,
    private readonly perMinute: number
  ) {}

  /** null when allowed; else the seconds until the window resets (at least 1). */
  take(key: string): number | null {
    const now = this.clock.now()
    let w = this.windows.get(key)
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 }
      this.windows.set(key, w)
    }
    w.count += 1
    if (w.count <= this.perMinute) return null
    return Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000))
  }
}
