import type { CommandParams, Delivery, Page } from '../../../src-preload/contract'

/** How many requests the inspector keeps in memory; the journal keeps every accepted event. */
const DEFAULT_CAPACITY = 5000

/**
 * The receiver's recent requests, newest first, for the Webhooks inspector. Bounded: the oldest
 * record is dropped when a new one arrives at capacity, so memory stays flat under any load.
 * A record can be updated in place (a voice turn gains NDJSON lines as they are written).
 */
export class DeliveryLog {
  private readonly byId = new Map<string, Delivery>()
  private readonly listeners = new Set<(delivery: Delivery) => void>()

  constructor(readonly capacity = DEFAULT_CAPACITY) {}

  record(delivery: Delivery): void {
    this.byId.delete(delivery.id)
    this.byId.set(delivery.id, delivery)
    if (this.byId.size > this.capacity) this.byId.delete(this.byId.keys().next().value!)
    for (const listener of this.listeners) listener(delivery)
  }

  /** Resolves with the first delivery recorded from now on that matches, or null after `timeoutMs`. */
  waitFor(match: (delivery: Delivery) => boolean, timeoutMs: number): Promise<Delivery | null> {
    return new Promise((resolve) => {
      const done = (found: Delivery | null) => {
        clearTimeout(timer)
        this.listeners.delete(listener)
        resolve(found)
      }
      const listener = (d: Delivery) => match(d) && done(d)
      const timer = setTimeout(() => done(null), timeoutMs)
      this.listeners.add(listener)
    })
  }

  /** Clear history: the inspector starts empty. */
  clear(): void {
    this.byId.clear()
  }

  get(id: string): Delivery | undefined {
    return this.byId.get(id)
  }

  query(filter: CommandParams<'webhooks.deliveries'>): Page<Delivery> {
    const text = filter.text?.toLowerCase()
    const matches: Delivery[] = []
    for (const d of this.byId.values()) {
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
