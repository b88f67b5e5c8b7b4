/** The sandbox's ready-made agent and its number, as the console's sandbox mode starts with them. */
import type { Account } from './account'
import { buyNumber, createAgent } from './agent-store'
import type { SimRuntime } from './context'
import { agentOut, numberOut } from './serialize'
import type { VoiceMode } from './types'

export const SANDBOX_AGENT_NAME = 'Sandbox Agent'

/** The sandbox's agent and number in the API's wire shapes, with the fields the core reads typed. */
export interface SandboxAccount {
  agent: { id: string; name: string; voiceMode: VoiceMode; beginMessage: string | null } & Record<string, unknown>
  number: { id: string; phoneNumber: string; status: string } & Record<string, unknown>
}

/**
 * Finds (by the id remembered on the account, else by name for state saved before ids were kept)
 * or makes the sandbox agent, and gives it a number if it has none.
 */
export function sandboxAccount(rt: SimRuntime, account: Account): SandboxAccount {
  let agent = (account.sandboxAgentId ? account.agents.get(account.sandboxAgentId) : undefined) ?? [...account.agents.values()].find((a) => a.name === SANDBOX_AGENT_NAME)
  agent ??= createAgent(rt, account, { name: SANDBOX_AGENT_NAME, description: 'Ready-made agent for trying calls and texts.', voiceMode: 'webhook' })
  if (account.sandboxAgentId !== agent.id) {
    account.sandboxAgentId = agent.id
    rt.changed()
  }
  // Past the number limit the sandbox still gets its line: it is the simulator's own fixture.
  let number = account.numbersOf(agent.id)[0]
  if (!number) {
    number = buyNumber({ ...rt, numberLimit: Infinity, numberPriceCents: 0 }, account, { country: 'US', agentId: agent.id })
    rt.changed()
  }
  return {
    agent: { ...agentOut(account, agent), id: agent.id, name: agent.name, voiceMode: agent.voiceMode, beginMessage: agent.beginMessage },
    number: { ...numberOut(number), id: number.id, phoneNumber: number.phoneNumber, status: number.status }
  }
}
