import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeEvent } from '../../../src-preload/contract'
import { eventSchemas } from '../../../src-preload/contract'
import { CoreError } from '../../../src-main/core/errors'
import { TurnBroker } from '../../../src-main/core/turns/turn-broker'
import { fakeClock, type FakeClock } from '../../server/helpers/fake-clock'
import { streamPost } from './ndjson-client'

const grace = { id: 'p_grace', name: 'Grace' }
const alan = { id: 'p_alan', name: 'Alan' }

let servers: Server[] = []
afterEach(async () => {
  for (const s of servers) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
  servers = []
})

/** A broker on a fake clock with one voice turn open over real HTTP. */
async function openTurn(): Promise<{ broker: TurnBroker; clock: FakeClock; events: BridgeEvent[]; turnId: string; client: ReturnType<typeof streamPost> }> {
  const clock = fakeClock()
  const events: BridgeEvent[] = []
  const broker = new TurnBroker({
    clock,
    claimIdleMs: 10_000,
    config: () => ({ fillerEnabled: true, fillerText: 'One moment.', fallbackText: 'Nobody is free.', turnTimeoutMs: 30_000, deadlineMarginMs: 2_000, maxOpenTurns: 10 }),
    onEvent: (e) => {
      eventSchemas[e.event].parse(e.data)
      events.push(e)
    }
  })
  const server = createServer((req, res) => {
    req.resume()
    req.on('end', () => broker.open({ turnId: 'turn_1', callId: 'call_1', transcript: 'hello' }, res))
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const client = streamPost(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  await client.waitForLines(1)
  return { broker, clock, events, turnId: 'turn_1', client }
}

function refusal(fn: () => unknown): CoreError {
  try {
    fn()
  } catch (error) {
    if (error instanceof CoreError) return error
    throw error
  }
  throw new Error('expected a CoreError')
}

const unclaimed = (events: BridgeEvent[]) => events.filter((e) => e.event === 'turn.unclaimed').map((e) => e.data)

describe('claims on waiting turns', () => {
  it('lapse after 10 s without typing from their holder, and the turn can then be answered by someone else', async () => {
    const { broker, clock, events, turnId, client } = await openTurn()
    broker.claim(turnId, grace)
    expect(refusal(() => broker.reply(turnId, { turnId, text: 'Alan here' }, alan)).code).toBe('turn_claimed')
    clock.advance(9_999)
    expect(broker.list()[0]).toMatchObject({ claimedBy: 'Grace', claimedById: 'p_grace' })
    clock.advance(1)
    expect(broker.list()[0]).toMatchObject({ claimedBy: null, claimedById: null })
    expect(unclaimed(events)).toEqual([{ turnId, callId: 'call_1', by: 'Grace', reason: 'idle' }])
    broker.reply(turnId, { turnId, text: 'Alan here' }, alan)
    expect((await client.ended).at(-1)).toBe('{"text":"Alan here"}')
  })

  it('stay while their holder keeps typing (claiming again), and an interim line counts as typing', async () => {
    const { broker, clock, turnId } = await openTurn()
    broker.claim(turnId, grace)
    for (let i = 0; i < 2; i++) {
      clock.advance(5_000)
      broker.claim(turnId, grace)
    }
    clock.advance(5_000)
    broker.reply(turnId, { turnId, text: 'Still looking…', interim: true }, grace)
    clock.advance(9_000) // 24 s in: the claim is older than 10 s, kept alive by typing and the interim line
    expect(broker.list()[0]?.claimedById).toBe('p_grace')
    clock.advance(1_000)
    expect(broker.list()[0]?.claimedById).toBeNull()
  })

  it('lapse at once when their holder leaves (last tab closed), and only theirs', async () => {
    const { broker, events, turnId } = await openTurn()
    broker.claim(turnId, grace)
    broker.releaseHolder('p_alan')
    expect(broker.list()[0]?.claimedById).toBe('p_grace')
    broker.releaseHolder('p_grace')
    expect(broker.list()[0]?.claimedById).toBeNull()
    expect(unclaimed(events)).toEqual([{ turnId, callId: 'call_1', by: 'Grace', reason: 'left' }])
  })

  it('can be taken over only when the person confirms, and the old holder is then refused', async () => {
    const { broker, events, turnId, client } = await openTurn()
    broker.claim(turnId, grace)
    expect(refusal(() => broker.claim(turnId, alan)).message).toContain('Grace is answering')
    expect(broker.claim(turnId, alan, { takeOver: true })).toMatchObject({ claimedBy: 'Alan', claimedById: 'p_alan' })
    const claimed = events.filter((e) => e.event === 'turn.claimed').map((e) => e.data)
    expect(claimed).toEqual([
      { turnId, callId: 'call_1', by: 'Grace', byId: 'p_grace' },
      { turnId, callId: 'call_1', by: 'Alan', byId: 'p_alan' }
    ])
    expect(refusal(() => broker.reply(turnId, { turnId, text: 'Grace again' }, grace)).code).toBe('turn_claimed')
    broker.reply(turnId, { turnId, text: 'Alan answers' }, alan)
    expect((await client.ended).at(-1)).toBe('{"text":"Alan answers"}')
  })

  it('never hold back the fallback: a claimed turn nobody answers still gets it at the deadline', async () => {
    const { broker, clock, turnId, client } = await openTurn()
    broker.claim(turnId, grace)
    for (let t = 0; t < 25_000; t += 5_000) {
      clock.advance(5_000)
      broker.claim(turnId, grace) // typing, but never sending
    }
    clock.advance(3_000) // 28 s: the deadline
    expect((await client.ended).at(-1)).toBe('{"text":"Nobody is free."}')
    expect(broker.list()).toEqual([])
    expect(clock.pending()).toBe(0) // the claim's idle timer went with the turn
  })
})
