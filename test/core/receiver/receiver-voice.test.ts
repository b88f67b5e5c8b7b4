import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../../../src-preload/contract'
import { DeliverySchema } from '../../../src-preload/contract'
import { CoreError } from '../../../src-main/core/errors'
import { streamPost } from '../turns/ndjson-client'
import type { Harness } from './harness'
import { post, signedHeaders, smsEnvelope, startHarness, voiceEnvelope } from './harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

const FILLER_LINE = JSON.stringify({ text: 'One moment.', interim: true })
const FALLBACK_LINE = JSON.stringify({ text: 'Sorry, nobody is free.' })

function openedTurnId(x: Harness, callId: string): string | undefined {
  const e = x.events.find((ev) => ev.event === 'turn.opened' && ev.data.callId === callId)
  return e?.event === 'turn.opened' ? e.data.turnId : undefined
}

async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('receiver: voice turns', () => {
  it('journals, tells the session, then streams the filler and the person’s reply, logging each line', async () => {
    h = await startHarness()
    const body = voiceEnvelope('call_A', 'Are you open today?')
    const client = streamPost(h.receiver.url, body, signedHeaders(body, { id: 'wh_voice' }))
    expect(await client.waitForLines(1)).toEqual([FILLER_LINE])
    expect((await client.headers)['content-type']).toBe('application/x-ndjson')

    const turnId = openedTurnId(h, 'call_A')!
    expect(h.timeline.slice(0, 2)).toEqual(['accepted', 'turn.opened']) // the session hears of the call first
    expect(h.accepted[0]).toMatchObject({ turnId, channel: 'voice', webhookId: 'wh_voice' })
    expect(await h.records()).toEqual([expect.objectContaining({ kind: 'webhook', data: expect.objectContaining({ webhookId: 'wh_voice' }) })])
    expect(h.events.find((e) => e.event === 'turn.opened')?.data).toMatchObject({ transcript: 'Are you open today?' })

    h.broker.reply(turnId, { turnId, text: 'Yes, until six.' })
    expect(await client.ended).toEqual([FILLER_LINE, '{"text":"Yes, until six."}'])
    await until(() => h!.events.some((e) => e.event === 'turn.closed'))

    const versions = h.published.filter((d) => d.channel === 'voice')
    expect(new Set(versions.map((d) => d.id)).size).toBe(1)
    expect(versions.length).toBeGreaterThanOrEqual(3) // answered, filler line, reply line (and close)
    const final = DeliverySchema.parse(versions.at(-1))
    expect(final).toMatchObject({ outcome: 'accepted', status: 200, callId: 'call_A' })
    expect(final.lines.map((l) => l.line)).toEqual([FILLER_LINE, '{"text":"Yes, until six."}'])
    expect(final.lines[0]!.atMs).toBeGreaterThanOrEqual(0)
    expect(final.lines[1]!.atMs).toBeGreaterThanOrEqual(final.lines[0]!.atMs)
    // Earlier copies were not changed after the fact.
    expect(versions[0]!.lines.length).toBeLessThan(final.lines.length)
  })

  it('answers a call set to fallback-only with the fallback at once', async () => {
    h = await startHarness({ isFallbackOnly: (callId) => callId === 'call_F' })
    const body = voiceEnvelope('call_F')
    expect(await streamPost(h.receiver.url, body, signedHeaders(body)).ended).toEqual([FALLBACK_LINE])
    expect(h.events.find((e) => e.event === 'turn.closed')?.data).toMatchObject({ callId: 'call_F', outcome: 'fallback' })
  })

  it('holds a turn past the request timeout: that timeout covers receiving the request only', async () => {
    h = await startHarness({ headersTimeoutMs: 200, requestTimeoutMs: 300 }, { turnTimeoutMs: 1000, deadlineMarginMs: 200 })
    const body = voiceEnvelope('call_T')
    const started = Date.now()
    expect(await streamPost(h.receiver.url, body, signedHeaders(body)).ended).toEqual([FILLER_LINE, FALLBACK_LINE])
    expect(Date.now() - started).toBeGreaterThanOrEqual(700)
  })

  it('refuses a voice message without a callId', async () => {
    h = await startHarness()
    const body = JSON.stringify({ event: 'agent.message', channel: 'voice', data: { transcript: 'hi' } })
    const res = await post(h.receiver.url, body, signedHeaders(body))
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ error: 'missing_call_id' })
    expect(h.broker.list()).toEqual([])
  })

  it('keeps many concurrent turns open, each with its own filler and turn id', async () => {
    h = await startHarness()
    const clients = Array.from({ length: 60 }, (_, i) => {
      const body = voiceEnvelope(`call_${i}`)
      return streamPost(h!.receiver.url, body, signedHeaders(body))
    })
    for (const c of clients) expect(await c.waitForLines(1)).toEqual([FILLER_LINE])
    const open = h.broker.list()
    expect(open).toHaveLength(60)
    expect(new Set(open.map((t) => t.turnId)).size).toBe(60)
    h.broker.closeAll()
    for (const c of clients) expect((await c.ended).at(-1)).toBe(FALLBACK_LINE)
  })
})

describe('receiver: replay', () => {
  it('sends a stored delivery through again without signature or dedupe, marked replayed', async () => {
    h = await startHarness()
    const body = smsEnvelope('again please')
    await post(h.receiver.url, body, signedHeaders(body, { id: 'wh_r' }))
    const original = [...h.deliveries.values()][0]!
    const replayed = await h.receiver.replay(original)
    expect(replayed.id).not.toBe(original.id)
    expect(replayed).toMatchObject({ outcome: 'accepted', status: 200, replayed: true, webhookId: 'wh_r', body })
    expect(replayed.headers['x-switchboard-replay']).toBeUndefined()
    const records = await h.records()
    expect(records.map((r) => (r.data as { replayed: boolean }).replayed)).toEqual([false, true])
    expect(h.accepted.at(-1)).toMatchObject({ replayed: true, webhookId: 'wh_r' })
  })

  it('replays a refused delivery too (the signature is not checked again)', async () => {
    h = await startHarness()
    const body = smsEnvelope()
    await post(h.receiver.url, body, signedHeaders(body, { secret: 'whsec_wrong' }))
    const refused = [...h.deliveries.values()][0]!
    expect(refused.status).toBe(401)
    expect(await h.receiver.replay(refused)).toMatchObject({ outcome: 'accepted', status: 200 })
  })

  it('replays a voice delivery as a new turn that a person can answer', async () => {
    h = await startHarness()
    const body = voiceEnvelope('call_R')
    const first = streamPost(h.receiver.url, body, signedHeaders(body))
    await first.waitForLines(1)
    const firstTurn = openedTurnId(h, 'call_R')!
    h.broker.reply(firstTurn, { turnId: firstTurn, text: 'first answer' })
    await first.ended
    const stored = h.published.find((d) => d.callId === 'call_R')!

    const again = await h.receiver.replay(stored)
    expect(again).toMatchObject({ replayed: true, status: 200, callId: 'call_R' })
    const open = h.broker.list()
    expect(open).toHaveLength(1)
    expect(open[0]!.turnId).not.toBe(firstTurn)
    h.broker.reply(open[0]!.turnId, { turnId: open[0]!.turnId, text: 'second answer' })
    await until(() => (h!.deliveries.get(again.id)?.lines.length ?? 0) === 2)
    expect(h.deliveries.get(again.id)!.lines.map((l) => l.line)).toEqual([FILLER_LINE, '{"text":"second answer"}'])
  })

  it('refuses to replay a body that was cut when stored, and ignores a forged replay header', async () => {
    h = await startHarness({ maxStoredBodyBytes: 100 })
    const body = smsEnvelope('x'.repeat(300))
    await post(h.receiver.url, body, signedHeaders(body))
    const cut: Delivery = [...h.deliveries.values()][0]!
    await expect(h.receiver.replay(cut)).rejects.toBeInstanceOf(CoreError)
    const forged = await post(h.receiver.url, body, { 'content-type': 'application/json', 'x-switchboard-replay': `${'0'.repeat(48)}.abc` })
    expect(forged.status).toBe(401)
  })

  it('stops: the port is released and replay is refused', async () => {
    h = await startHarness()
    const url = h.receiver.url
    await h.receiver.stop()
    await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow()
    await expect(h.receiver.replay([...h.deliveries.values()][0] ?? ({ body: '{}' } as Delivery))).rejects.toMatchObject({ code: 'not_available' })
  })
})
