import type { Agent, PhoneNumber } from '../../../src-preload/contract'
import type { FakeBridge } from './fake-bridge'
import { fakeBridge } from './fake-bridge'

export const VOICES = [
  { voice_id: 'voice_sky', voice_name: 'Skylar — Friendly Guide', provider: 'elevenlabs', gender: 'female' },
  { voice_id: 'voice_marcus', voice_name: 'Marcus — Calm Support', provider: 'elevenlabs', gender: 'male' }
]

export function makeAgent(over: Partial<Agent> = {}): Agent {
  return { id: 'agent_1', name: 'Support Line', voiceMode: 'webhook', voice: 'voice_marcus', systemPrompt: null, beginMessage: null, transferNumber: null, numbers: [], ...over }
}

export function makeNumber(over: Partial<PhoneNumber> = {}): PhoneNumber {
  return { id: 'num_1', phoneNumber: '+14155550123', country: 'US', status: 'active', agentId: null, ...over }
}

/**
 * A bridge holding a small account in memory, so lists reload with what the commands changed:
 * a test sees the UI's own reload after create, buy or release, not a canned answer.
 */
export function directoryBridge(agents: Agent[], numbers: PhoneNumber[]): FakeBridge {
  const state = { agents: [...agents], numbers: [...numbers] }
  const withNumbers = (a: Agent): Agent => ({
    ...a,
    numbers: state.numbers.filter((n) => n.agentId === a.id).map((n) => ({ id: n.id, phoneNumber: n.phoneNumber, status: n.status }))
  })
  let seq = 100
  return fakeBridge({
    'agents.list': () => ({ items: state.agents.map(withNumbers), total: state.agents.length }),
    'agents.voices': () => ({ items: VOICES }),
    'agents.create': (p) => {
      const a = makeAgent({ ...p, id: `agent_${++seq}`, numbers: [] })
      state.agents.push(a)
      return a
    },
    'agents.delete': ({ agentId }) => {
      state.agents = state.agents.filter((a) => a.id !== agentId)
      state.numbers = state.numbers.map((n) => (n.agentId === agentId ? { ...n, agentId: null } : n))
      return { success: true }
    },
    'numbers.list': () => ({ items: state.numbers, total: state.numbers.length }),
    'numbers.release': ({ numberId }) => {
      state.numbers = state.numbers.filter((n) => n.id !== numberId)
      return { success: true }
    },
    'numbers.attach': ({ numberId, agentId }) => {
      state.numbers = state.numbers.map((n) => (n.id === numberId ? { ...n, agentId } : n))
      return { agentId, number: { id: numberId, phoneNumber: '', status: 'active' } }
    },
    'numbers.detach': ({ numberId }) => {
      state.numbers = state.numbers.map((n) => (n.id === numberId ? { ...n, agentId: null } : n))
      return { success: true }
    }
  })
}
