import { describe, expect, it } from 'vitest'
import type { BridgeEvent, CallInfo } from '../../../src-preload/contract'
import { silentLogger } from '../../../src-main/core/ports'
import { TransferOverrides } from '../../../src-main/core/live/transfer-overrides'

const ended = (id: string): BridgeEvent => ({ event: 'call.ended', data: { id } as CallInfo })

function overridesOn(agents: Map<string, string>) {
  const restored: Array<[string, string]> = []
  const overrides = new TransferOverrides(async (agentId, number, expectedNow) => {
    if ((agents.get(agentId) ?? '') !== expectedNow) return
    agents.set(agentId, number)
    restored.push([agentId, number])
  }, silentLogger)
  return { overrides, restored }
}

describe('TransferOverrides: an agent’s own transfer number comes back', () => {
  it('once the last call that needed another number has ended, with the number the agent had first', async () => {
    const agents = new Map([['ag_1', '+14155550199']])
    const { overrides, restored } = overridesOn(agents)
    agents.set('ag_1', '+14155550177')
    overrides.note('ag_1', 'call_a', '+14155550199', '+14155550177')
    agents.set('ag_1', '+14155550188')
    overrides.note('ag_1', 'call_b', '+14155550177', '+14155550188')
    expect(overrides.pending()).toEqual({ ag_1: '+14155550199' })

    overrides.onEvent(ended('call_a'))
    overrides.onEvent(ended('call_other'))
    await Promise.resolve()
    expect(restored).toEqual([])
    overrides.onEvent(ended('call_b'))
    await Promise.resolve()
    expect(restored).toEqual([['ag_1', '+14155550199']])
    expect(overrides.pending()).toEqual({})
  })

  it('clears a number the agent never had, and leaves alone one the person set in Agents meanwhile', async () => {
    const agents = new Map<string, string>([['ag_1', '+14155550177'], ['ag_2', '+14155550166']])
    const { overrides, restored } = overridesOn(agents)
    overrides.note('ag_1', 'call_a', null, '+14155550177')
    overrides.note('ag_2', 'call_b', '+14155550100', '+14155550166')
    agents.set('ag_2', '+14155550155') // edited in Agents while the call was live
    overrides.onEvent(ended('call_a'))
    overrides.onEvent(ended('call_b'))
    await Promise.resolve()
    expect(restored).toEqual([['ag_1', '']])
    expect(agents.get('ag_2')).toBe('+14155550155')
  })
})
