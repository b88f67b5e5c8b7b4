import { formatPhone } from '../lib/format'
import type { Agent, BridgeErrorPayload, BridgeResult, CommandParams, CommandResult, PhoneNumber } from '../../src-preload/contract'
import type { SliceDeps } from './types'

export type Voice = CommandResult<'agents.voices'>['items'][number]
export type AgentCreate = CommandParams<'agents.create'>
export type AgentPatch = Omit<CommandParams<'agents.update'>, 'agentId'>
export type BuyParams = CommandParams<'numbers.buy'>

/** What a mutating action answers: null when it worked, or the refusal to show beside the form. */
export type ActionError = BridgeErrorPayload | null

/** A list as the account-owner views hold it: null until the first load answers. */
export type Loaded<T> = { items: T[] | null; loading: boolean; error: string | null }

export interface DirectorySlice {
  agents: Loaded<Agent>
  numbers: Loaded<PhoneNumber>
  voices: Voice[] | null
  loadAgents(): Promise<void>
  loadNumbers(): Promise<void>
  loadVoices(): Promise<void>
  createAgent(params: AgentCreate): Promise<ActionError>
  updateAgent(agentId: string, patch: AgentPatch): Promise<ActionError>
  deleteAgent(agentId: string): Promise<ActionError>
  buyNumber(params: BuyParams): Promise<ActionError>
  releaseNumber(numberId: string): Promise<ActionError>
  attachNumber(numberId: string, agentId: string): Promise<ActionError>
  detachNumber(numberId: string, agentId: string): Promise<ActionError>
}

/** Pages of 100 (the API's maximum) until `total`; the cap keeps a runaway account bounded. */
const PAGE = 100
const MAX_ITEMS = 5_000

type PageOf<T> = (paging: { limit: number; offset: number }) => Promise<BridgeResult<{ items: T[]; total: number }>>

async function loadAll<T>(fetchPage: PageOf<T>): Promise<BridgeResult<T[]>> {
  const items: T[] = []
  for (let offset = 0; offset < MAX_ITEMS; offset += PAGE) {
    const res = await fetchPage({ limit: PAGE, offset })
    if (!res.ok) return res
    items.push(...res.value.items)
    if (res.value.items.length < PAGE || items.length >= res.value.total) break
  }
  return { ok: true, value: items }
}

export function createDirectorySlice({ set, get, bridge }: SliceDeps): DirectorySlice {
  const startLoad = (key: 'agents' | 'numbers'): void =>
    set((s) => ({ [key]: { ...s[key], loading: true, error: null } }) as Partial<DirectorySlice>)

  /**
   * Every change reloads both lists (an agent's numbers and a number's agent are one fact seen
   * twice) and says what happened: the dialog that asked has closed by the time it lands.
   */
  async function afterChange(res: BridgeResult<unknown>, done: string): Promise<ActionError> {
    if (!res.ok) return res.error
    await Promise.all([get().loadAgents(), get().loadNumbers()])
    get().pushToast('info', done)
    return null
  }
  const agentName = (agentId: string): string => get().agents.items?.find((a) => a.id === agentId)?.name ?? 'The agent'
  const numberText = (numberId: string): string => {
    const n = get().numbers.items?.find((x) => x.id === numberId)?.phoneNumber
    return n ? formatPhone(n) : 'The number'
  }

  return {
    agents: { items: null, loading: false, error: null },
    numbers: { items: null, loading: false, error: null },
    voices: null,

    async loadAgents() {
      startLoad('agents')
      const res = await loadAll<Agent>((p) => bridge.invoke('agents.list', p))
      set((s) => ({ agents: res.ok ? { items: res.value, loading: false, error: null } : { ...s.agents, loading: false, error: res.error.message } }))
    },
    async loadNumbers() {
      startLoad('numbers')
      const res = await loadAll<PhoneNumber>((p) => bridge.invoke('numbers.list', p))
      set((s) => ({ numbers: res.ok ? { items: res.value, loading: false, error: null } : { ...s.numbers, loading: false, error: res.error.message } }))
    },
    async loadVoices() {
      const res = await bridge.invoke('agents.voices', {})
      // Without the catalogue the editor still works: it offers the default and the agent's current voice.
      if (res.ok) set({ voices: res.value.items })
      else if (get().voices === null) set({ voices: [] })
    },
    async createAgent(params) {
      return afterChange(await bridge.invoke('agents.create', params), `Created the agent ${params.name}.`)
    },
    async updateAgent(agentId, patch) {
      const name = patch.name ?? agentName(agentId)
      return afterChange(await bridge.invoke('agents.update', { agentId, ...patch }), `Saved the changes to ${name}.`)
    },
    async deleteAgent(agentId) {
      const name = agentName(agentId)
      return afterChange(await bridge.invoke('agents.delete', { agentId }), `Deleted the agent ${name}.`)
    },
    async buyNumber(params) {
      const res = await bridge.invoke('numbers.buy', params)
      return afterChange(res, res.ok ? `Bought ${formatPhone(res.value.phoneNumber)}.` : '')
    },
    async releaseNumber(numberId) {
      const n = numberText(numberId)
      return afterChange(await bridge.invoke('numbers.release', { numberId }), `Released ${n}: it no longer belongs to this account.`)
    },
    async attachNumber(numberId, agentId) {
      return afterChange(await bridge.invoke('numbers.attach', { numberId, agentId }), `${numberText(numberId)} now rings ${agentName(agentId)}.`)
    },
    async detachNumber(numberId, agentId) {
      return afterChange(await bridge.invoke('numbers.detach', { numberId, agentId }), `${numberText(numberId)} is detached from ${agentName(agentId)}.`)
    }
  }
}
