import type { Clock, Logger } from '../ports'

/** Whether the journal is writing: shown in `app.status` and as a banner when it is not. */
export interface JournalHealth {
  ok: boolean
  /** The last failure's message while not ok. */
  error: string | null
  /** ISO time of the first failure in the current run of failures. */
  since: string | null
}

/**
 * Keeps the journal's health and logs each failure with its stack. A failing disk fails every
 * append: the same error is logged once per run of failures (with a count when it clears), not
 * once per record.
 */
export class JournalHealthTracker {
  private state: JournalHealth = { ok: true, error: null, since: null }
  private repeats = 0
  private readonly listeners = new Set<(health: JournalHealth) => void>()

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger
  ) {}

  health(): JournalHealth {
    return { ...this.state }
  }

  onChange(listener: (health: JournalHealth) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  failed(kind: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    if (!this.state.ok && this.state.error === message) {
      this.repeats++
      return
    }
    this.logger.error('journal: a record could not be written', {
      kind,
      error: message,
      stack: error instanceof Error ? error.stack : undefined
    })
    const since = this.state.since ?? new Date(this.clock.now()).toISOString()
    this.change({ ok: false, error: message, since })
  }

  succeeded(): void {
    if (this.state.ok) return
    this.logger.warn('journal: writing again', { failedSince: this.state.since, repeatedFailures: this.repeats })
    this.repeats = 0
    this.change({ ok: true, error: null, since: null })
  }

  private change(next: JournalHealth): void {
    this.state = next
    for (const listener of this.listeners) listener(this.health())
  }
}
