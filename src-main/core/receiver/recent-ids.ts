/**
 * The last `capacity` webhook ids, for dropping retried deliveries (agentphone-api.md §3.5).
 * A fixed ring of the ids in arrival order plus a count per id: O(1) per id and bounded memory.
 * (A Map trimmed from its oldest key showed up in profiles: V8 leaves deleted entries at the front
 * for every `keys().next()` to step over until the table is rebuilt.)
 */
export class RecentIds {
  private readonly ring: Array<string | undefined>
  private next = 0
  /** How many times each id sits in the ring: one seen again is kept until its newest copy leaves. */
  private readonly counts = new Map<string, number>()

  constructor(private readonly capacity: number) {
    this.ring = new Array<string | undefined>(Math.max(1, capacity))
  }

  has(id: string): boolean {
    return this.counts.has(id)
  }

  add(id: string): void {
    if (this.capacity <= 0) return
    const evicted = this.ring[this.next]
    if (evicted !== undefined) this.release(evicted)
    this.ring[this.next] = id
    this.next = (this.next + 1) % this.ring.length
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1)
  }

  /** Forget an id whose delivery we failed to store, so AgentPhone's retry is accepted. */
  delete(id: string): void {
    if (!this.counts.delete(id)) return
    // Rare (a failed journal write), so a scan is fine: a stale slot must not later release a fresh copy.
    for (let i = 0; i < this.ring.length; i++) if (this.ring[i] === id) this.ring[i] = undefined
  }

  get size(): number {
    return this.counts.size
  }

  private release(id: string): void {
    const count = this.counts.get(id)
    if (count === undefined) return
    if (count <= 1) this.counts.delete(id)
    else this.counts.set(id, count - 1)
  }
}
