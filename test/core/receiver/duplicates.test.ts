import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../../../src-preload/contract'
import { DeliveryLog, deliverySize } from '../../../src-main/core/live/delivery-log'
import { recentDeliveryKeys } from '../../../src-main/core/receiver/known-ids'
import { streamPost } from '../turns/ndjson-client'
import type { Harness } from './harness'
import { post, signedHeaders, smsEnvelope, startHarness, until, voiceEnvelope } from './harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

const FALLBACK_LINE = JSON.stringify({ text: 'Sorry, nobody is free.' })
const deliveriesOf = (x: Harness): Delivery[] => [...x.deliveries.values()]
const turnOf = (x: Harness, callId: string): string | undefined => {
  const e = x.events.find((ev) => ev.event === 'turn.opened' && ev.data.callId === callId)
  return e?.event === 'turn.opened' ? e.data.turnId : undefined
}

describe('receiver: a re-sent signed body is a duplicate whatever its id', () => {
  it('recognises the same signature and timestamp under another X-Webhook-ID', async () => {
    h = await startHarness()
    const body = smsEnvelope('pay the invoice')
    const headers = signedHeaders(body, { id: 'wh_original' })
    expect((await post(h.receiver.url, body, headers)).json).toEqual({ ok: true })
    const again = await post(h.receiver.url, body, { ...headers, 'x-webhook-id': 'wh_forged' })
    expect(again.json).toEqual({ duplicate: true })
    expect(deliveriesOf(h).at(-1)).toMatchObject({ outcome: 'duplicate', reason: 'same_signed_body', webhookId: 'wh_forged' })
    const noId = { ...headers }
    delete noId['x-webhook-id']
    expect((await post(h.receiver.url, body, noId)).json).toEqual({ duplicate: true })
    expect(await h.records()).toHaveLength(1)
  })

  it('still recognises it after a restart, from the digest in the journal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dup-restart-'))
    h = await startHarness({}, {}, dir)
    const body = smsEnvelope('once only')
    const headers = signedHeaders(body, { id: 'wh_1' })
    await post(h.receiver.url, body, headers)
    await h.stop()

    const first = await startHarness({}, {}, dir)
    const known = await recentDeliveryKeys(first.journal, 100, Date.now(), 300_000)
    await first.stop()
    expect(known.digests).toHaveLength(1)
    // The journal keeps a digest of the signature, never the signature itself.
    expect(JSON.stringify(known)).not.toContain(headers['x-webhook-signature']!.slice(7))
    h = await startHarness({ knownDigests: known.digests }, {}, dir)
    expect((await post(h.receiver.url, body, { ...headers, 'x-webhook-id': 'wh_other' })).json).toEqual({ duplicate: true })
    // Past the window the digest no longer counts (and the signature check would refuse the body anyway).
    const expired = await recentDeliveryKeys(h.journal, 100, Date.now() + 601_000, 300_000)
    expect(expired.digests).toEqual([])
  })
})

describe('receiver: a retried voice delivery always gets a voice answer', () => {
  it('joins the turn still open: the retry hears the reply, and losing the first request cancels nothing', async () => {
    h = await startHarness()
    const body = voiceEnvelope('call_retry', 'Can I book for Friday?')
    const headers = signedHeaders(body, { id: 'wh_voice_1' })
    const first = streamPost(h.receiver.url, body, headers)
    await first.waitForLines(1) // the filler
    const turnId = turnOf(h, 'call_retry')!

    const retry = streamPost(h.receiver.url, body, headers)
    expect(await retry.status).toBe(200)
    expect((await retry.headers)['content-type']).toBe('application/x-ndjson')
    first.abort() // AgentPhone gave up on the first request
    await until(() => deliveriesOf(h!).some((d) => d.outcome === 'duplicate'))
    expect(h.broker.list().map((t) => t.turnId)).toEqual([turnId])

    h.broker.reply(turnId, { turnId, text: 'Friday at ten works.' })
    expect(await retry.ended).toEqual([JSON.stringify({ text: 'Friday at ten works.' })])
    expect(h.events.filter((e) => e.event === 'turn.closed').map((e) => e.data)).toEqual([{ turnId, callId: 'call_retry', outcome: 'replied' }])
    expect(await h.records()).toHaveLength(1)
  })

  it('answers a retry of a closed turn with the line that closed it', async () => {
    h = await startHarness()
    const body = voiceEnvelope('call_closed')
    const headers = signedHeaders(body, { id: 'wh_voice_2' })
    const first = streamPost(h.receiver.url, body, headers)
    await first.waitForLines(1)
    const turnId = turnOf(h, 'call_closed')!
    h.broker.reply(turnId, { turnId, text: 'We open at nine.' })
    await first.ended

    const retry = streamPost(h.receiver.url, body, { ...headers, 'x-webhook-id': 'wh_voice_2' })
    expect(await retry.ended).toEqual([JSON.stringify({ text: 'We open at nine.' })])
    const recorded = deliveriesOf(h).at(-1)!
    expect(recorded).toMatchObject({ outcome: 'duplicate', status: 200, reason: 'same_webhook_id' })
    expect(recorded.lines.map((l) => l.line)).toEqual([JSON.stringify({ text: 'We open at nine.' })])
  })

  it('answers the fallback line when the turn is unknown (it closed before a restart)', async () => {
    h = await startHarness({ knownIds: ['wh_before_restart'] })
    const body = voiceEnvelope('call_gone')
    const retry = streamPost(h.receiver.url, body, signedHeaders(body, { id: 'wh_before_restart' }))
    expect(await retry.ended).toEqual([FALLBACK_LINE])
    expect(h.broker.list()).toEqual([])
  })
})

describe('receiver and inspector memory', () => {
  it('keeps at most 4 KiB of a refused body', async () => {
    h = await startHarness()
    const big = JSON.stringify({ junk: 'x'.repeat(200_000) })
    const res = await post(h.receiver.url, big, { 'content-type': 'application/json' })
    expect(res.status).toBe(401)
    const refused = deliveriesOf(h).at(-1)!
    expect(refused.outcome).toBe('refused')
    expect(Buffer.byteLength(refused.body)).toBeLessThanOrEqual(4096 + 20)
    expect(refused.body.endsWith('…[truncated]')).toBe(true)
  })

  it('caps the inspector in bytes as well as in count, keeping the newest', () => {
    const make = (i: number, bodyBytes: number): Delivery => ({
      id: `dlv_${i}`,
      receivedAt: new Date(1_000_000 + i).toISOString(),
      method: 'POST',
      path: '/webhook',
      webhookId: null,
      event: null,
      channel: null,
      callId: null,
      conversationId: null,
      outcome: 'accepted',
      reason: null,
      status: 200,
      ttfbMs: 1,
      replayed: false,
      party: null,
      headers: {},
      body: 'b'.repeat(bodyBytes),
      lines: []
    })
    const log = new DeliveryLog(5000, 1024 * 1024)
    for (let i = 0; i < 100; i++) log.record(make(i, 60_000))
    expect(log.bytes).toBeLessThanOrEqual(1024 * 1024)
    expect(log.size).toBe(Math.floor((1024 * 1024) / deliverySize(make(0, 60_000))))
    expect(log.get('dlv_99')).toBeDefined()
    expect(log.get('dlv_0')).toBeUndefined()
    // Updating a record in place (a voice turn's lines) keeps the count right.
    const before = log.bytes
    log.record({ ...make(99, 60_000), lines: [{ atMs: 1, line: '{"text":"hi"}' }] })
    expect(log.bytes).toBeGreaterThan(before - 1)
    expect(log.bytes).toBeLessThanOrEqual(1024 * 1024)
    const small = new DeliveryLog(3, 1024 * 1024)
    for (let i = 0; i < 10; i++) small.record(make(i, 10))
    expect(small.size).toBe(3)
  })
})
