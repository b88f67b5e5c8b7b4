import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BridgeEvent } from '../../../src-preload/contract'
import { AgentPhoneClient } from '../../../src-main/core/agentphone/client'
import { CallBoard } from '../../../src-main/core/live/call-board'
import { GapFinder } from '../../../src-main/core/live/gap-finder'
import { LAST_DELIVERY_KEY } from '../../../src-main/core/live/keys'
import { memoryStore, silentLogger, systemClock } from '../../../src-main/core/ports'
import { Simulator } from '../../../src-main/core/sim/simulator'

const KEY = 'sk_live_gap_test'
let sim: Simulator

beforeEach(async () => {
  sim = new Simulator({ clock: systemClock, apiKeys: [KEY] })
  await sim.start()
})
afterEach(() => sim.stop())

describe('GapFinder', () => {
  it('reports the calls and messages AgentPhone had while nothing reached the receiver, once', async () => {
    const { number } = await sim.ensureSandboxAccount(KEY)
    const store = memoryStore({ [LAST_DELIVERY_KEY]: new Date(Date.now() - 60_000).toISOString() })
    const events: BridgeEvent[] = []
    const board = new CallBoard((e) => events.push(e))
    const api = new AgentPhoneClient({ baseUrl: sim.url, apiKey: KEY })
    const finder = new GapFinder({ api, board, store, clock: systemClock, logger: silentLogger, emit: (e) => events.push(e) })

    // While "away": a call and a text that no webhook brought us.
    const { callId } = sim.sandbox.dial(KEY, { to: number.phoneNumber, from: '+15550100777' })
    const { messageId } = await sim.sandbox.sms(KEY, { to: number.phoneNumber, from: '+15550100777', body: 'Are you open today?' })

    const gap = await finder.check()
    expect(gap?.calls.map((c) => c.id)).toEqual([callId])
    expect(gap?.messages.map((m) => [m.id, m.body])).toEqual([[messageId, 'Are you open today?']])
    expect(events.filter((e) => e.event === 'app.gap')).toHaveLength(1)
    expect(finder.gaps()).toHaveLength(1)

    // The next check covers only the time since this one: nothing new, no second gap.
    expect(await finder.check()).toBeNull()
  })

  it('does not report what did arrive', async () => {
    const { number } = await sim.ensureSandboxAccount(KEY)
    const store = memoryStore({ [LAST_DELIVERY_KEY]: new Date(Date.now() - 60_000).toISOString() })
    const board = new CallBoard(() => undefined)
    const api = new AgentPhoneClient({ baseUrl: sim.url, apiKey: KEY })
    const finder = new GapFinder({ api, board, store, clock: systemClock, logger: silentLogger, emit: () => undefined })
    const { messageId } = await sim.sandbox.sms(KEY, { to: number.phoneNumber, from: '+15550100778', body: 'hello' })
    finder.noteDelivery(messageId)
    expect(await finder.check()).toBeNull()
  })
})
