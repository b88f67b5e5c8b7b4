import type { Agent } from '../../../src-preload/contract'

/** What the board needs to name a call's agent without asking the API on every event. */
export interface AgentSummary {
  id: string
  name: string
  voiceMode: Agent['voiceMode']
  beginMessage: string | null
  transferNumber: string | null
  numbers: string[]
  /** The agent's instructions, which the copilot hands its model. */
  systemPrompt: string | null
}

/**
 * A cache of the account's agents, refreshed from the API when an unknown agent shows up or after
 * the person changes agents. Lookups never throw: a call from an agent we cannot name still shows.
 */
export class AgentDirectory {
  private readonly agents = new Map<string, AgentSummary>()
  private refreshing: Promise<void> | null = null

  constructor(private readonly fetchAll: () => Promise<Agent[]>) {}

  get(agentId: string | null | undefined): AgentSummary | undefined {
    return agentId ? this.agents.get(agentId) : undefined
  }

  byNumber(phoneNumber: string): AgentSummary | undefined {
    for (const a of this.agents.values()) if (a.numbers.includes(phoneNumber)) return a
    return undefined
  }

  /** Resolves an agent, refreshing once if it is not cached yet. */
  async resolve(agentId: string | null | undefined): Promise<AgentSummary | undefined> {
    if (!agentId) return undefined
    if (!this.agents.has(agentId)) await this.refresh().catch(() => undefined)
    return this.agents.get(agentId)
  }

  /** One refresh at a time; callers that arrive meanwhile share it. */
  refresh(): Promise<void> {
    this.refreshing ??= this.fetchAll()
      .then((list) => {
        this.agents.clear()
        for (const a of list) this.remember(a)
      })
      .finally(() => {
        this.refreshing = null
      })
    return this.refreshing
  }

  remember(agent: Agent): void {
    this.agents.set(agent.id, {
      id: agent.id,
      name: agent.name,
      voiceMode: agent.voiceMode,
      beginMessage: agent.beginMessage ?? null,
      transferNumber: agent.transferNumber ?? null,
      numbers: (agent.numbers ?? []).map((n) => n.phoneNumber),
      systemPrompt: agent.systemPrompt ?? null
    })
  }

  forget(agentId: string): void {
    this.agents.delete(agentId)
  }
}
