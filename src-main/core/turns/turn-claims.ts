/**
 * Who is answering which waiting turn. A claim keeps teammates from sending a second answer, so it
 * must never outlive the person working on it: it lapses after a short idle time without typing
 * from its holder, and at once when the holder's last connection closes. Another person may take
 * it over (the UI asks them to confirm first). The caller's deadline never depends on a claim: the
 * fallback line still answers on time, claimed or not.
 *
 * One hub keeps claims in memory; past one hub they would move to a shared store (DESIGN.md).
 */
import { CoreError } from '../errors'
import type { Clock, Timer } from '../ports'

/** The person holding a claim: a hub link's id and name (or the name an in-process caller gave). */
export interface ClaimHolder {
  id: string
  name: string
}

export type LapseReason = 'idle' | 'left'

/** How long a claim lasts without a keepalive (typing) from its holder. */
export const DEFAULT_CLAIM_IDLE_MS = 10_000

export interface TurnClaimsOptions {
  clock: Clock
  idleMs?: number
  /** A claim was let go without an answer. */
  onLapse(turnId: string, holder: ClaimHolder, reason: LapseReason): void
}

interface Claim {
  holder: ClaimHolder
  timer: Timer
}

export type TakeResult = 'claimed' | 'kept' | 'taken-over'

export class TurnClaims {
  private readonly claims = new Map<string, Claim>()
  private readonly idleMs: number

  constructor(private readonly options: TurnClaimsOptions) {
    this.idleMs = options.idleMs ?? DEFAULT_CLAIM_IDLE_MS
  }

  holder(turnId: string): ClaimHolder | null {
    return this.claims.get(turnId)?.holder ?? null
  }

  /**
   * Claims `turnId` for `holder`, or keeps their claim alive (typing again). Refused while someone
   * else holds it, unless `takeOver` (the person confirmed).
   */
  take(turnId: string, holder: ClaimHolder, takeOver = false): TakeResult {
    const current = this.claims.get(turnId)
    if (current && current.holder.id !== holder.id && !takeOver) {
      throw new CoreError('turn_claimed', `${current.holder.name} is answering this turn`)
    }
    current?.timer.cancel()
    const timer = this.options.clock.after(this.idleMs, () => this.lapse(turnId, 'idle'))
    this.claims.set(turnId, { holder, timer })
    if (!current) return 'claimed'
    return current.holder.id === holder.id ? 'kept' : 'taken-over'
  }

  /** Someone else's claim that stops `who` from answering, or null. Unknown `who`: any claim blocks. */
  blocking(turnId: string, who: ClaimHolder | null): ClaimHolder | null {
    const current = this.claims.get(turnId)
    if (!current) return null
    return who && current.holder.id === who.id ? null : current.holder
  }

  /** The turn closed (answered, fallback, cancelled): its claim is over, silently. */
  drop(turnId: string): void {
    this.claims.get(turnId)?.timer.cancel()
    this.claims.delete(turnId)
  }

  /** The person closed their last tab: every turn they held is free again. */
  leave(holderId: string): void {
    for (const [turnId, claim] of [...this.claims]) if (claim.holder.id === holderId) this.lapse(turnId, 'left')
  }

  clear(): void {
    for (const claim of this.claims.values()) claim.timer.cancel()
    this.claims.clear()
  }

  private lapse(turnId: string, reason: LapseReason): void {
    const claim = this.claims.get(turnId)
    if (!claim) return
    claim.timer.cancel()
    this.claims.delete(turnId)
    this.options.onLapse(turnId, claim.holder, reason)
  }
}
