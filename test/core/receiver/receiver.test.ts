import { connect } from 'node:net'
import { request } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { DeliverySchema } from '../../../src-preload/contract'
import { REDACTED_SIGNATURE } from '../../../src-main/core/receiver/delivery-log'
import type { Journal } from '../../../src-main/core/journal/journal'
import type { Harness } from './harness'
import { SECRET, post, signedHeaders, smsEnvelope, startHarness } from './harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

const lastDelivery = (x: Harness) => [...x.deliveries.values()].at(-1)!

describe('receiver: accepting and refusing deliveries', () => {
  it('accepts a well-signed delivery, journals it durably, then tells the session', async () => {
    h = await startHarness()
    const body = smsEnvelope('Is the shop open?')
    const headers = signedHeaders(body, { id: 'wh_good' })
    const res = await post(h.receiver.url, body, headers)
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ ok: true })

    const records = await h.records()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ seq: 1, kind: 'webhook', data: { webhookId: 'wh_good', event: 'agent.message', channel: 'sms', replayed: false, payload: JSON.parse(body) } })
    expect(h.accepted).toEqual([expect.objectContaining({ seq: 1, webhookId: 'wh_good', channel: 'sms', turnId: null, payload: JSON.parse(body) })])

    const delivery = DeliverySchema.parse(lastDelivery(h))
    expect(delivery).toMatchObject({ outcome: 'accepted', status: 200, method: 'POST', path: '/webhook', webhookId: 'wh_good', event: 'agent.message', channel: 'sms', conversationId: 'conv_1', replayed: false, body })
    expect(delivery.headers['x-webhook-signature']).toBe(REDACTED_SIGNATURE)
    expect(JSON.stringify(delivery)).not.toContain(headers['x-webhook-signature']!.slice(7))
    expect(delivery.ttfbMs).toBeGreaterThanOrEqual(0)
    expect(h.accepted[0]!.deliveryId).toBe(delivery.id)
  })

  it.each([
    ['a wrong secret', (b: string) => signedHeaders(b, { secret: 'whsec_other' }), 'bad_signature'],
    ['a stale timestamp', (b: string) => signedHeaders(b, { timestamp: String(Math.floor(Date.now() / 1000) - 301) }), 'stale_timestamp'],
    ['no signature', (b: string) => ({ ...signedHeaders(b), 'x-webhook-signature': '' }), 'missing_signature'],
    ['no timestamp', (b: string) => ({ ...signedHeaders(b), 'x-webhook-timestamp': '' }), 'missing_timestamp'],
    ['a malformed signature', (b: string) => ({ ...signedHeaders(b), 'x-webhook-signature': 'v1,abc' }), 'malformed_signature'],
    ['upper-case hex', (b: string) => { const x = signedHeaders(b); return { ...x, 'x-webhook-signature': x['x-webhook-signature']!.toUpperCase() } }, 'malformed_signature'],
    ['a timestamp in the future', (b: string) => signedHeaders(b, { timestamp: String(Math.floor(Date.now() / 1000) + 301) }), 'future_timestamp'],
    ['a timestamp in milliseconds', (b: string) => signedHeaders(b, { timestamp: String(Date.now()) }), 'malformed_timestamp'],
    ['a non-numeric timestamp', (b: string) => signedHeaders(b, { timestamp: '1.7e9' }), 'malformed_timestamp']
  ])('refuses %s with 401 and journals nothing', async (_name, headersFor, reason) => {
    h = await startHarness()
    const body = smsEnvelope()
    const res = await post(h.receiver.url, body, headersFor(body))
    expect(res.status).toBe(401)
    expect(res.json).toEqual({ error: 'unauthorized', reason })
    expect(await h.records()).toEqual([])
    expect(h.accepted).toEqual([])
    expect(lastDelivery(h)).toMatchObject({ outcome: 'refused', status: 401, reason, body })
  })

  it('checks the signature on the raw bytes: any change to the body is refused', async () => {
    h = await startHarness()
    const body = smsEnvelope('pay 10')
    const res = await post(h.receiver.url, body.replace('pay 10', 'pay 99'), signedHeaders(body))
    expect(res.status).toBe(401)
    expect(res.json).toMatchObject({ reason: 'bad_signature' })
  })

  it('accepts a previous secret still in its rotation window, and refuses all when none is set', async () => {
    h = await startHarness({ secrets: () => ['whsec_new', SECRET] })
    const body = smsEnvelope()
    expect((await post(h.receiver.url, body, signedHeaders(body))).status).toBe(200)
    await h.stop()
    h = await startHarness({ secrets: () => [] })
    expect((await post(h.receiver.url, body, signedHeaders(body))).json).toEqual({ error: 'unauthorized', reason: 'no_secret_configured' })
  })

  it('drops a repeated X-Webhook-ID: 200 duplicate, journaled once', async () => {
    h = await startHarness()
    const body = smsEnvelope()
    const first = await post(h.receiver.url, body, signedHeaders(body, { id: 'wh_dup' }))
    const again = await post(h.receiver.url, body, signedHeaders(body, { id: 'wh_dup' }))
    expect(first.json).toEqual({ ok: true })
    expect(again.status).toBe(200)
    expect(again.json).toEqual({ duplicate: true })
    expect(await h.records()).toHaveLength(1)
    expect(h.accepted).toHaveLength(1)
    expect(lastDelivery(h)).toMatchObject({ outcome: 'duplicate', status: 200, webhookId: 'wh_dup' })
  })

  it('forgets the oldest ids beyond the dedupe window', async () => {
    const harness = (h = await startHarness({ dedupeWindow: 2 }))
    // One body per delivery: the same signed body is a duplicate whatever its id (see duplicates.test.ts).
    // Built once per post: the envelope carries the time, and rebuilt a millisecond later it signs differently.
    const send = (text: string, id: string) => {
      const body = smsEnvelope(text)
      return post(harness.receiver.url, body, signedHeaders(body, { id }))
    }
    for (const id of ['a', 'b', 'c']) expect((await send(id, id)).status).toBe(200)
    expect((await send('c again', 'c')).json).toEqual({ duplicate: true })
    expect((await send('a again', 'a')).json).toEqual({ ok: true })
  })

  it.each([
    ['an array', '[1,2]', 'not_an_object'],
    ['a string', '"hello"', 'not_an_object'],
    ['null', 'null', 'not_an_object'],
    ['invalid JSON', '{"event":', 'invalid_json'],
    ['deep nesting', `${'{"a":'.repeat(500)}1${'}'.repeat(500)}`, 'too_deep'],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), 'invalid_utf8']
  ])('answers 400 to %s (signed, so it reaches the parser)', async (_name, body, reason) => {
    h = await startHarness()
    const res = await post(h.receiver.url, body, signedHeaders(body))
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ error: reason })
    expect(lastDelivery(h)).toMatchObject({ outcome: 'refused', status: 400, reason })
    expect(await h.records()).toEqual([])
  })

  it('answers 413 to a body over the limit, by Content-Length or while streaming', async () => {
    h = await startHarness({ maxBodyBytes: 1024 })
    const big = JSON.stringify({ event: 'agent.message', pad: 'x'.repeat(2000) })
    const res = await post(h.receiver.url, big, signedHeaders(big))
    expect(res.status).toBe(413)
    expect(res.json).toEqual({ error: 'body_too_large' })

    // Chunked, no Content-Length: the limit is found while reading.
    const url = new URL(h.receiver.url)
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: signedHeaders(big) }, (r) => {
        r.resume()
        resolve(r.statusCode ?? 0)
      })
      req.on('error', reject)
      req.write(big.slice(0, 800))
      setTimeout(() => req.end(big.slice(800)), 50)
    })
    expect(status).toBe(413)
    expect(await h.records()).toEqual([])
    expect(lastDelivery(h)).toMatchObject({ outcome: 'refused', status: 413, reason: 'body_too_large' })
  })

  it('answers 405 with Allow to other methods and 404 to other paths', async () => {
    h = await startHarness()
    const get = await post(h.receiver.url, '', {}, 'GET')
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    const body = smsEnvelope()
    const elsewhere = await post(h.receiver.url.replace('/webhook', '/other'), body, signedHeaders(body))
    expect(elsewhere.status).toBe(404)
    expect(await h.records()).toEqual([])
    expect([...h.deliveries.values()].map((d) => [d.method, d.status, d.outcome])).toEqual([
      ['GET', 405, 'refused'],
      ['POST', 404, 'refused']
    ])
  })

  it('answers 500 when the journal fails, and accepts AgentPhone’s retry of the same id', async () => {
    let fail = true
    const real: { journal?: Journal } = {}
    h = await startHarness({
      journal: { append: (kind, data) => (fail ? Promise.reject(new Error('disk full')) : real.journal!.append(kind, data)) }
    })
    real.journal = h.journal
    const body = smsEnvelope()
    const first = await post(h.receiver.url, body, signedHeaders(body, { id: 'wh_retry' }))
    expect(first.status).toBe(500)
    expect(h.accepted).toEqual([])
    expect(lastDelivery(h)).toMatchObject({ outcome: 'refused', status: 500, reason: 'journal_failed' })
    fail = false
    const retry = await post(h.receiver.url, body, signedHeaders(body, { id: 'wh_retry' }))
    expect(retry.json).toEqual({ ok: true })
    expect(h.accepted).toHaveLength(1)
  })

  it('closes a slow-drip body after the idle timeout with 408', async () => {
    h = await startHarness({ bodyIdleTimeoutMs: 200 })
    const url = new URL(h.receiver.url)
    const started = Date.now()
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => {
        socket.write(`POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"ev`)
      })
      let got = ''
      socket.on('data', (d) => (got += d.toString()))
      socket.on('close', () => resolve(got))
    })
    expect(reply).toMatch(/^HTTP\/1\.1 408/)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('drops a connection whose headers never finish', async () => {
    h = await startHarness({ headersTimeoutMs: 300, requestTimeoutMs: 600 })
    const url = new URL(h.receiver.url)
    const started = Date.now()
    await new Promise<void>((resolve) => {
      const socket = connect(Number(url.port), url.hostname, () => socket.write('POST /webhook HTTP/1.1\r\nHost: x\r\n'))
      socket.on('data', () => undefined)
      socket.on('close', () => resolve())
    })
    expect(Date.now() - started).toBeLessThan(3000)
  })
})
