import { createHash } from 'node:crypto'
import { RecentIds } from './recent-ids'

/** Voice deliveries remembered with their turn, so a retry can join it or hear its answer. */
const TURN_MEMORY = 2000

/**
 * A short digest of a signature header. The signature covers the timestamp and the raw body, so it
 * names one signed request exactly; only its digest is kept (or journaled), never the signature.
 */
export function signedBodyDigest(signature: string): string {
  return createHash('sha256').update(signature).digest('hex').slice(0, 32)
}

/**
 * Recognises a delivery seen before: by `X-Webhook-ID` (which the signature does not cover, so a
 * replayer can change it), and by the signed body itself while its timestamp is still accepted.
 * After that window the signature check refuses the body as stale anyway. Memory is bounded:
 * fixed rings of ids and digests, and a bounded map of voice turns.
 */
export class DuplicateGuard {
  private readonly ids: RecentIds
  private readonly digests: RecentIds
  /** Digest → until when it counts (ms); entries leave with their ring slot. */
  private readonly digestUntil = new Map<string, number>()
  private readonly turns = new Map<string, string>()

  constructor(idCapacity: number) {
    this.ids = new RecentIds(idCapacity)
    this.digests = new RecentIds(idCapacity)
  }

  /** Which key matched, if this delivery was seen: the id first, then the signed body. */
  seen(webhookId: string | null, digest: string | null, nowMs: number): 'same_webhook_id' | 'same_signed_body' | null {
    if (webhookId !== null && this.ids.has(webhookId)) return 'same_webhook_id'
    if (digest !== null && this.digests.has(digest) && (this.digestUntil.get(digest) ?? 0) > nowMs) return 'same_signed_body'
    return null
  }

  /** Call before any await, so a retry racing this delivery is recognised too. */
  remember(webhookId: string | null, digest: string | null, untilMs: number): void {
    if (webhookId !== null) this.ids.add(webhookId)
    if (digest !== null) {
      this.digests.add(digest)
      this.digestUntil.set(digest, untilMs)
      if (this.digestUntil.size > 2 * this.digests.size + 1024) this.trimUntil()
    }
  }

  /** The delivery could not be stored: AgentPhone's retry must be accepted, not dropped. */
  forget(webhookId: string | null, digest: string | null): void {
    if (webhookId !== null) this.ids.delete(webhookId)
    if (digest !== null) {
      this.digests.delete(digest)
      this.digestUntil.delete(digest)
    }
  }

  rememberTurn(webhookId: string | null, digest: string | null, turnId: string): void {
    for (const key of [webhookId, digest]) {
      if (key === null) continue
      this.turns.delete(key)
      this.turns.set(key, turnId)
    }
    while (this.turns.size > TURN_MEMORY) this.turns.delete(this.turns.keys().next().value!)
  }

  turnFor(webhookId: string | null, digest: string | null): string | null {
    return (webhookId !== null ? this.turns.get(webhookId) : undefined) ?? (digest !== null ? this.turns.get(digest) : undefined) ?? null
  }

  /** Drops the until-times of digests the ring has already let go. */
  private trimUntil(): void {
    for (const digest of this.digestUntil.keys()) if (!this.digests.has(digest)) this.digestUntil.delete(digest)
  }
}
