import type { Clock, Timer } from './ports'

/** The longest mute a caller may ask for: a day. Longer means "turn the chime off" in Settings. */
export const MAX_MUTE_MINUTES = 24 * 60

/**
 * Whether alerts (chime, desktop notifications, the tray's flash) are muted, and until when. One
 * per session host, not per session: a mode switch restarts the core, and a mute the person chose
 * from the tray must survive it. Expiry runs on the injected clock, so tests advance time instead
 * of waiting.
 */
export class AlertMute {
  private until: number | null = null
  private timer: Timer | null = null
  private readonly listeners = new Set<(mutedUntil: string | null) => void>()

  constructor(private readonly clock: Clock) {}

  /** The end of the mute as an ISO time, or null when alerts sound. */
  mutedUntil(): string | null {
    // The timer may fire a little late; the answer is right even before it does.
    if (this.until === null || this.until <= this.clock.now()) return null
    return new Date(this.until).toISOString()
  }

  /** Mutes for `minutes` from now (replacing any earlier mute); 0 unmutes. */
  mute(minutes: number): string | null {
    this.timer?.cancel()
    this.timer = null
    const ms = Math.round(Math.min(Math.max(minutes, 0), MAX_MUTE_MINUTES) * 60_000)
    this.until = ms > 0 ? this.clock.now() + ms : null
    if (this.until !== null) this.timer = this.clock.after(ms, () => this.expire())
    const mutedUntil = this.mutedUntil()
    this.notify(mutedUntil)
    return mutedUntil
  }

  /** Called with the new end (or null) on every change, the mute running out included. */
  onChange(listener: (mutedUntil: string | null) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Cancels the expiry timer (the host is stopping). */
  stop(): void {
    this.timer?.cancel()
    this.timer = null
  }

  private expire(): void {
    this.timer = null
    this.until = null
    this.notify(null)
  }

  private notify(mutedUntil: string | null): void {
    for (const listener of this.listeners) listener(mutedUntil)
  }
}
