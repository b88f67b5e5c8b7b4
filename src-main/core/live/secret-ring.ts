import type { Clock } from '../ports'

/** How long deliveries signed with a replaced secret are still accepted after a re-registration. */
export const DEFAULT_GRACE_MS = 5 * 60_000

/** The project webhook's scope; an agent's webhook is `agent:<id>` (see webhook-scopes.ts). */
export const PROJECT_SCOPE = 'project'

/**
 * The webhook secrets the receiver accepts: the current one of each registration (the project
 * webhook and each agent's keep their own: connecting an agent's webhook leaves the project's
 * secret alone), plus each replaced one until its grace period runs out. AgentPhone issues a new
 * secret on every registration, and deliveries already in flight (or being retried) were signed
 * with the old one.
 */
export class SecretRing {
  private readonly current = new Map<string, string>()
  private previous: Array<{ secret: string; until: number }> = []

  constructor(
    private readonly clock: Clock,
    private readonly graceMs = DEFAULT_GRACE_MS
  ) {}

  /** The current secret of a scope (the project's by default). */
  secretOf(scope = PROJECT_SCOPE): string | null {
    return this.current.get(scope) ?? null
  }

  /** A new secret for `scope` (null: none); the one it replaces is kept for the grace period. */
  rotate(secret: string | null, scope = PROJECT_SCOPE): void {
    const old = this.current.get(scope)
    if (old && old !== secret) this.previous.push({ secret: old, until: this.clock.now() + this.graceMs })
    if (secret) this.current.set(scope, secret)
    else this.current.delete(scope)
  }

  /** The current secrets first (the project's leading), so the common case is checked with one HMAC. */
  accepted(): string[] {
    const now = this.clock.now()
    this.previous = this.previous.filter((p) => p.until > now)
    const project = this.current.get(PROJECT_SCOPE)
    const others = [...this.current].filter(([scope]) => scope !== PROJECT_SCOPE).map(([, secret]) => secret)
    const list = [...(project ? [project] : []), ...others, ...this.previous.map((p) => p.secret).reverse()]
    return [...new Set(list)]
  }
}
