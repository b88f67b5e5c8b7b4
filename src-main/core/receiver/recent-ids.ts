/**
 * The last `capacity` webhook ids, for dropping retried deliveries (agentphone-api.md §3.5).
 * A Map keeps insertion order, so the oldest id is the first key: bounded memory, O(1) per id.
 */
export class RecentIds {
  private readonly ids = new Map<string, true>()

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.ids.has(id)
  }

  add(id: string): void {
    this.ids.delete(id)
    this.ids.set(id, true)
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.keys().next()
      if (!oldest.done) this.ids.delete(oldest.value)
    }
  }

  /** Forget an id whose delivery we failed to store, so AgentPhone's retry is accepted. */
  delete(id: string): void {
    this.ids.delete(id)
  }

  get size(): number {
    return this.ids.size
  }
}
