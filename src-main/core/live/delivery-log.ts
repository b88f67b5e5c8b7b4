import type { CommandParams, Delivery, Page } from '../../../src-preload/contract'
import type { Clock } from '../ports'

/** How many requests the inspector keeps in memory; the journal keeps every accepted event. */
const DEFAULT_CAPACITY = 5000
/**
 * And how many bytes: 5,000 deliveries of 64 KiB would be over 300 MiB. Past this the oldest go,
 * whatever their number.
 */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024

/** Roughly what one Delivery holds in memory (UTF-16 strings: two bytes a character). */
export function deliverySize(d: Delivery): number {
  let chars = d.body.length + d.path.length + (d.reason?.length ?? 0) + 200
  for (const [name, value] of Object.entries(d.headers)) chars += name.length + value.length
  for (const line of d.lines) chars += line.line.length + 16
  return 2 * chars
}

/**
 * The receiver's recent requests, newest first, for the Webhooks inspector. Bounded in count and
 * in bytes: the oldest records are dropped as new ones arrive, so memory stays flat under any load.
 * A record can be updated in place (a voice turn gains NDJSON lines as they are written).
 */
export class DeliveryLog {
  private readonly byId = new Map<string, { delivery: Delivery; size: number }>()
  private readonly listeners = new Set<(delivery: Delivery) => void>()
  private totalBytes = 0

  constructor(
    readonly capacity = DEFAULT_CAPACITY,
    readonly maxBytes = DEFAULT_MAX_BYTES
  ) {}

  /** What the kept deliveries hold, by `deliverySize`. */
  get bytes(): number {
    return this.totalBytes
  }

  get size(): number {
    return this.byId.size
  }

  record(delivery: Delivery): void {
    const known = this.byId.get(delivery.id)
    if (known) {
      this.totalBytes -= known.size
      this.byId.delete(delivery.id)
    }
    const size = deliverySize(delivery)
    this.byId.set(delivery.id, { delivery, size })
    this.totalBytes += size
    // The newest always stays, even alone past the byte limit: it is what the person is looking at.
    while (this.byId.size > 1 && (this.byId.size > this.capacity || this.totalBytes > this.maxBytes)) {
      const [oldest, entry] = this.byId.entries().next().value!
      this.byId.delete(oldest)
      this.totalBytes -= entry.size
    }
    for (const listener of this.listeners) listener(delivery)
  }

  /** Calls `listener` with every delivery recorded (and every update of one) until unsubscribed. */
  watch(listener: (delivery: Delivery) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Resolves with the first delivery recorded from now on that matches, or null after `timeoutMs` on `clock`. */
  waitFor(match: (delivery: Delivery) => boolean, timeoutMs: number, clock: Clock): Promise<Delivery | null> {
    return new Promise((resolve) => {
      const done = (found: Delivery | null): void => {
        timer.cancel()
        off()
        resolve(found)
      }
      const off = this.watch((d) => void (match(d) && done(d)))
      const timer = clock.after(timeoutMs, () => done(null))
    })
  }

  /** Clear history: the inspector starts empty. */
  clear(): void {
    this.byId.clear()
    this.totalBytes = 0
  }

  get(id: string): Delivery | undefined {
    return this.byId.get(id)?.delivery
  }

  /** Newest first; `until` leaves out what was received after it (an export's later pages). */
  query(filter: CommandParams<'webhooks.deliveries'> & { until?: string }): Page<Delivery> {
    const text = filter.text?.toLowerCase()
    const matches: Delivery[] = []
    for (const { delivery: d } of this.byId.values()) {
      if (filter.until && d.receivedAt > filter.until) continue
      if (filter.event && d.event !== filter.event) continue
      if (filter.channel && d.channel !== filter.channel) continue
      if (filter.outcome && d.outcome !== filter.outcome) continue
      if (filter.callId && d.callId !== filter.callId) continue
      if (text && !`${d.body} ${d.reason ?? ''} ${d.webhookId ?? ''}`.toLowerCase().includes(text)) continue
      matches.push(d)
    }
    matches.sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))
    const offset = filter.offset ?? 0
    const limit = filter.limit ?? 100
    return { items: matches.slice(offset, offset + limit), total: matches.length }
  }
}
