import type { Clock } from '../ports'

/** How long deliveries signed with a replaced secret are still accepted after a re-registration. */
export const DEFAULT_GRACE_MS = 5 * 60_000

/**
 * The webhook secrets the receiver accepts: the current one, plus each replaced one until its
 * grace period runs out. AgentPhone issues a new secret on every registration, and deliveries
 * already in flight (or being retried) were signed with the old one.
 */
export class SecretRing {
  private currentSecret: string | null = null
  private previous: Array<{ secret: string; until: number }> = []

  constructor(
    private readonly clock: Clock,
    private readonly graceMs = DEFAULT_GRACE_MS
  ) {}

  get current(): string | null {
    return this.currentSecret
  }

  rotate(secret: string | null): void {
    if (this.currentSecret && this.currentSecret !== secret) {
      this.previous.push({ secret: this.currentSecret, until: this.clock.now() + this.graceMs })
    }
    this.currentSecret = secret
  }

  /** The current secret first, so the common case is checked with one HMAC. */
  accepted(): string[] {
    const now = this.clock.now()
    this.previous = this.previous.filter((p) => p.until > now)
    const list = this.previous.map((p) => p.secret).reverse()
    return this.currentSecret ? [this.currentSecret, ...list] : list
  }
}
