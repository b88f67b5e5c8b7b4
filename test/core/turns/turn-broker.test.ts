import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeEvent } from '../../../src-preload/contract'
import { eventSchemas } from '../../../src-preload/contract'
import { CoreError } from '../../../src-main/core/errors'
import { systemClock } from '../../../src-main/core/ports'
import { TurnBroker } from '../../../src-main/core/turns/turn-broker'
import type { TurnConfig, TurnHooks, TurnOutcome } from '../../../src-main/core/turns/turn-types'
import { streamPost } from './ndjson-client'

const FILLER = 'One moment please.'
const FALLBACK = 'Sorry, nobody can answer right now.'

interface Rig {
  broker: TurnBroker
  events: BridgeEvent[]
  /** Opens a turn over real HTTP and returns the client end plus its turnId. */
  call(hooks?: TurnHooks): { client: ReturnType<typeof streamPost>; turnId: string }
}

let servers: Server[] = []
afterEach(async () => {
  for (const s of servers) {
    s.closeAllConnections()
    await new Promise((r) => s.close(r))
  }
  servers = []
})

async function rig(overrides: Partial<TurnConfig> = {}): Promise<Rig> {
  const events: BridgeEvent[] = []
  const config: TurnConfig = {
    fillerEnabled: true,
    fillerText: FILLER,
    fallbackText: FALLBACK,
    turnTimeoutMs: 30_000,
    deadlineMarginMs: 2_000,
    maxOpenTurns: 50,
    ...overrides
  }
  const broker = new TurnBroker({
    clock: systemClock,
    config: () => config,
    onEvent: (e) => {
      // Every event must match the contract the renderer relies on.
      eventSchemas[e.event].parse(e.data)
      events.push(e)
    }
  })
  let next = 0
  const pending: Array<{ turnId: string; hooks: TurnHooks | undefined }> = []
  const server = createServer((req, res) => {
    const { turnId, hooks } = pending.shift()!
    req.resume()
    req.on('end', () => broker.open({ turnId, callId: `call_${turnId}`, transcript: 'hello there' }, res, hooks))
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  return {
    broker,
    events,
    call(hooks) {
      const turnId = `turn_${++next}`
      pending.push({ turnId, hooks })
      return { client: streamPost(url), turnId }
    }
  }
}

const closedOutcome = (events: BridgeEvent[], turnId: string): TurnOutcome | undefined => {
  const e = events.find((x) => x.event === 'turn.closed' && x.data.turnId === turnId)
  return e?.event === 'turn.closed' ? e.data.outcome : undefined
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
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

describe('TurnBroker', () => {
  it('answers 200 NDJSON with the interim filler first and announces the turn', async () => {
    const r = await rig()
    const { client, turnId } = r.call()
    expect(await client.status).toBe(200)
    expect((await client.headers)['content-type']).toBe('application/x-ndjson')
    expect(await client.waitForLines(1)).toEqual([JSON.stringify({ text: FILLER, interim: true })])
    const opened = r.events.find((e) => e.event === 'turn.opened')
    expect(opened?.data).toMatchObject({ turnId, callId: `call_${turnId}`, transcript: 'hello there' })
    const deadline = Date.parse((opened?.data as { deadline: string }).deadline)
    expect(deadline - Date.now()).toBeGreaterThan(26_000)
    expect(deadline - Date.now()).toBeLessThanOrEqual(28_000)
    expect(r.events.find((e) => e.event === 'transcript.turn')?.data).toMatchObject({ speaker: 'agent', text: FILLER, interim: true, source: 'filler' })
    expect(r.broker.list()).toEqual([expect.objectContaining({ turnId, claimedBy: null })])
  })

  it('keeps the stream open on an interim reply and ends it on the final one', async () => {
    const r = await rig()
    const { client, turnId } = r.call()
    await client.waitForLines(1)
    r.broker.reply(turnId, { turnId, text: 'Let me check', interim: true })
    expect((await client.waitForLines(2))[1]).toBe('{"text":"Let me check","interim":true}')
    expect(r.broker.list()).toHaveLength(1)
    expect(closedOutcome(r.events, turnId)).toBeUndefined()
    r.broker.reply(turnId, { turnId, text: 'It is open until six', by: 'amy' })
    expect(await client.ended).toEqual([JSON.stringify({ text: FILLER, interim: true }), '{"text":"Let me check","interim":true}', '{"text":"It is open until six"}'])
    expect(closedOutcome(r.events, turnId)).toBe('replied')
    expect(r.broker.list()).toEqual([])
    const sources = r.events.filter((e) => e.event === 'transcript.turn').map((e) => (e.data as { source?: string }).source)
    expect(sources).toEqual(['filler', 'human', 'human'])
  })

  it('writes only the fields given: digits, hangup and action, never `by`', async () => {
    const r = await rig({ fillerEnabled: false })
    const { client, turnId } = r.call()
    expect(await client.status).toBe(200) // headers go out at once even without a filler
    r.broker.reply(turnId, { turnId, digits: '12#', hangup: true, by: 'amy' })
    expect(await client.ended).toEqual(['{"digits":"12#","hangup":true}'])
    const line = r.events.find((e) => e.event === 'transcript.turn')?.data
    expect(line).toMatchObject({ text: '', interim: false, digits: '12#', source: 'human', action: 'hangup' })
  })

  it('a transfer with no words still says, in the transcript, that it transferred', async () => {
    const r = await rig({ fillerEnabled: false })
    const { client, turnId } = r.call()
    expect(await client.status).toBe(200)
    r.broker.reply(turnId, { turnId, action: 'transfer' })
    expect(await client.ended).toEqual(['{"action":"transfer"}'])
    expect(r.events.find((e) => e.event === 'transcript.turn')?.data).toMatchObject({ text: '', action: 'transfer' })
  })

  it('speaks the fallback at the deadline and then refuses a late reply', async () => {
    const r = await rig({ turnTimeoutMs: 400, deadlineMarginMs: 100 })
    const started = Date.now()
    const { client, turnId } = r.call()
    const lines = await client.ended
    expect(Date.now() - started).toBeGreaterThanOrEqual(280)
    expect(lines).toEqual([JSON.stringify({ text: FILLER, interim: true }), JSON.stringify({ text: FALLBACK })])
    expect(closedOutcome(r.events, turnId)).toBe('fallback')
    const error = refusal(() => r.broker.reply(turnId, { turnId, text: 'too late' }))
    expect(error.code).toBe('turn_closed')
    expect(error.message).toMatch(/^This turn already closed \(fallback at \d\d:\d\d:\d\d\) — your text was not sent$/)
  })

  it('closes as cancelled when the client goes away', async () => {
    const r = await rig()
    const { client, turnId } = r.call()
    await client.waitForLines(1)
    client.abort()
    await until(() => closedOutcome(r.events, turnId) !== undefined)
    expect(closedOutcome(r.events, turnId)).toBe('cancelled')
    expect(r.broker.list()).toEqual([])
    expect(refusal(() => r.broker.reply(turnId, { turnId, text: 'hi' })).code).toBe('turn_closed')
  })

  it('refuses a reply to an unknown turn with not_found', async () => {
    const r = await rig()
    expect(refusal(() => r.broker.reply('turn_nope', { turnId: 'turn_nope', text: 'hi' })).code).toBe('not_found')
  })

  it('answers a fallback-only call with the fallback at once, no filler', async () => {
    const r = await rig()
    const seen: Array<[string, TurnOutcome | undefined]> = []
    let outcome: TurnOutcome | undefined
    const { client, turnId } = r.call({ fallbackOnly: true, onLine: (l) => seen.push([l, undefined]), onClose: (o) => (outcome = o) })
    expect(await client.ended).toEqual([JSON.stringify({ text: FALLBACK })])
    expect(seen).toEqual([[JSON.stringify({ text: FALLBACK }), undefined]])
    expect(outcome).toBe('fallback')
    expect(closedOutcome(r.events, turnId)).toBe('fallback')
  })

  it('gives the fallback at once beyond maxOpenTurns', async () => {
    const r = await rig({ maxOpenTurns: 1 })
    const first = r.call()
    await first.client.waitForLines(1)
    const second = r.call()
    expect(await second.client.ended).toEqual([JSON.stringify({ text: FALLBACK })])
    expect(r.broker.list().map((t) => t.turnId)).toEqual([first.turnId])
  })

  it('lets only the claimer reply to a claimed turn', async () => {
    const r = await rig()
    const { client, turnId } = r.call()
    await client.waitForLines(1)
    expect(r.broker.claim(turnId, 'amy')).toMatchObject({ turnId, claimedBy: 'amy' })
    expect(r.events.filter((e) => e.event === 'turn.claimed').map((e) => e.data)).toEqual([{ turnId, callId: `call_${turnId}`, by: 'amy', byId: 'amy' }])
    expect(refusal(() => r.broker.claim(turnId, 'bob')).code).toBe('turn_claimed')
    expect(refusal(() => r.broker.reply(turnId, { turnId, text: 'bob here', by: 'bob' })).code).toBe('turn_claimed')
    expect(refusal(() => r.broker.reply(turnId, { turnId, text: 'anonymous' })).code).toBe('turn_claimed')
    r.broker.reply(turnId, { turnId, text: 'amy here', by: 'amy' })
    expect((await client.ended).at(-1)).toBe('{"text":"amy here"}')
  })

  it('closeAll answers every open turn with the fallback, and any later one too', async () => {
    const r = await rig()
    const a = r.call()
    const b = r.call()
    await Promise.all([a.client.waitForLines(1), b.client.waitForLines(1)])
    r.broker.closeAll()
    for (const { client, turnId } of [a, b]) {
      expect((await client.ended).at(-1)).toBe(JSON.stringify({ text: FALLBACK }))
      expect(closedOutcome(r.events, turnId)).toBe('fallback')
    }
    expect(await r.call().client.ended).toEqual([JSON.stringify({ text: FALLBACK })])
  })
})

describe('TurnBroker with a response already gone', () => {
  it('closes the turn as cancelled at once instead of waiting for the deadline', async () => {
    const events: BridgeEvent[] = []
    const broker = new TurnBroker({
      clock: systemClock,
      config: () => ({ fillerEnabled: false, fillerText: '', fallbackText: 'fb', turnTimeoutMs: 30_000, deadlineMarginMs: 1000, maxOpenTurns: 5 }),
      onEvent: (e) => events.push(e)
    })
    const server = createServer((req, res) => {
      req.resume()
      req.socket.destroy()
      setTimeout(() => broker.open({ turnId: 't1', callId: 'c1', transcript: '' }, res), 20)
    })
    servers.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const client = streamPost(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    await expect(client.ended).rejects.toThrow()
    await until(() => events.some((e) => e.event === 'turn.closed'))
    expect(closedOutcome(events, 't1')).toBe('cancelled')
    expect(broker.list()).toEqual([])
  })
})
