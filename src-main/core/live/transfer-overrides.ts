import type { BridgeEvent } from '../../../src-preload/contract'
import type { Logger } from '../ports'

/** Puts an agent's transfer number back; `''` removes it (AgentPhone's way to clear the field). */
export type RestoreTransferNumber = (agentId: string, number: string, expectedNow: string) => Promise<void>

interface Override {
  /** What the agent had before the first override, put back at the end ('' when it had none). */
  preset: string
  /** The number set last: restored only while the agent still has it (an edit in Agents wins). */
  wanted: string
  /** Live calls that may still be transferring to `wanted`. */
  calls: Set<string>
}

/**
 * AgentPhone transfers to the agent's `transferNumber` (its reply has no number of its own), so a
 * number the person types for one transfer is set on the agent first. This remembers that, and once
 * no call that needed the other number is live, puts the agent's own number back: one transfer to a
 * colleague must not send every later call of that agent there too.
 */
export class TransferOverrides {
  private readonly byAgent = new Map<string, Override>()

  constructor(
    private readonly restore: RestoreTransferNumber,
    private readonly logger: Logger
  ) {}

  /** The agent was just changed from `preset` to `wanted` for a transfer of `callId`. */
  note(agentId: string, callId: string, preset: string | null, wanted: string): void {
    const current = this.byAgent.get(agentId)
    if (current) {
      current.wanted = wanted
      current.calls.add(callId)
    } else {
      this.byAgent.set(agentId, { preset: preset ?? '', wanted, calls: new Set([callId]) })
    }
  }

  /** Pending restores, for status and tests: agent id → the number that will be put back. */
  pending(): Record<string, string> {
    return Object.fromEntries([...this.byAgent].map(([agentId, o]) => [agentId, o.preset]))
  }

  readonly onEvent = (event: BridgeEvent): void => {
    if (event.event !== 'call.ended') return
    const callId = event.data.id
    for (const [agentId, override] of this.byAgent) {
      if (!override.calls.delete(callId) || override.calls.size > 0) continue
      this.byAgent.delete(agentId)
      this.restore(agentId, override.preset, override.wanted).catch((err: unknown) => {
        this.logger.warn('could not put the agent’s transfer number back', { agentId, error: err instanceof Error ? err.message : String(err) })
      })
    }
  }
}
