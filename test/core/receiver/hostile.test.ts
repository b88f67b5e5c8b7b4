import { afterEach, describe, expect, it } from 'vitest'
import type { Delivery } from '../../../src-preload/contract'
import { DeliverySchema } from '../../../src-preload/contract'
import type { Harness } from './harness'
import { post, rawExchange, signedHeaders, smsEnvelope, startHarness, until } from './harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

const refusals = (x: Harness): Delivery[] => [...x.deliveries.values()].filter((d) => d.outcome === 'refused')

/** The one refused Delivery the request left behind, checked against the contract. */
function onlyRefusal(x: Harness): Delivery {
  const all = refusals(x)
  expect(all).toHaveLength(1)
  return DeliverySchema.parse(all[0])
}

describe('receiver: hostile requests are refused, recorded, and survived', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['a form post', 'application/x-www-form-urlencoded'],
    ['no content type', undefined],
    ['JSON in another charset', 'application/json; charset=iso-8859-1'],
    ['a lookalike', 'application/jsonp']
  ])('answers 415 to %s, before reading the body', async (_name, type) => {
    h = await startHarness()
    const body = smsEnvelope()
    const headers = signedHeaders(body)
    if (type === undefined) delete headers['content-type']
    else headers['content-type'] = type
    const res = await post(h.receiver.url, type === undefined ? Buffer.from(body) : body, headers)
    expect(res.status).toBe(415)
    expect(res.json).toEqual({ error: 'unsupported_content_type' })
    expect(onlyRefusal(h)).toMatchObject({ status: 415, reason: 'unsupported_content_type', method: 'POST' })
    expect(await h.records()).toEqual([])
  })

  it('accepts JSON with a UTF-8 charset or a +json type', async () => {
    h = await startHarness()
    for (const type of ['application/json; charset=UTF-8', 'Application/JSON', 'application/vnd.agentphone+json']) {
      const body = smsEnvelope(type)
      expect((await post(h.receiver.url, body, { ...signedHeaders(body), 'content-type': type })).status).toBe(200)
    }
    expect(await h.records()).toHaveLength(3)
  })

  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])('answers 405 to %s and records it', async (method) => {
    h = await startHarness()
    const body = method === 'HEAD' || method === 'OPTIONS' ? '' : smsEnvelope()
    const res = await fetch(h.receiver.url, { method, body: body || undefined, headers: body ? signedHeaders(body) : {} })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST')
    expect(onlyRefusal(h)).toMatchObject({ method, status: 405, reason: 'method_not_allowed' })
  })

  it.each(['/webhook/', '/WEBHOOK', '/', '/webhook/../webhook', '/webhooks'])('answers 404 to %s', async (path) => {
    h = await startHarness()
    const body = smsEnvelope()
    const raw = `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
    expect(await rawExchange(h.receiver.url, [raw])).toMatch(/^HTTP\/1\.1 404/)
    expect(onlyRefusal(h)).toMatchObject({ path, status: 404, reason: 'not_found' })
  })

  it('ignores a query string on the webhook path', async () => {
    h = await startHarness()
    const body = smsEnvelope()
    expect((await post(`${h.receiver.url}?source=agentphone`, body, signedHeaders(body))).status).toBe(200)
  })

  it.each([
    ['a garbage request line', 'HELLO THERE\r\n\r\n', 400, 'malformed_http'],
    ['an unknown method', 'BREW /webhook HTTP/1.1\r\nHost: x\r\n\r\n', 400, 'malformed_http'],
    ['a control character in a header', 'POST /webhook HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n', 400, 'malformed_http'],
    ['both Content-Length and chunked', 'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400, 'malformed_http'],
    ['a bad chunk size', 'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', 400, 'malformed_http'],
    ['headers over 16 KiB', `POST /webhook HTTP/1.1\r\nHost: x\r\nX-Pad: ${'a'.repeat(20_000)}\r\n\r\n`, 431, 'headers_too_large']
  ])('answers %s (refused by Node’s parser) and records it', async (_name, raw, status, reason) => {
    h = await startHarness()
    const reply = await rawExchange(h.receiver.url, [raw])
    expect(reply).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `))
    expect(reply).toContain(`{"error":"${reason}"}`)
    await until(() => refusals(h!).length > 0)
    expect(onlyRefusal(h)).toMatchObject({ status, reason, outcome: 'refused', webhookId: null })
    // Still serving.
    const body = smsEnvelope()
    expect((await post(h.receiver.url, body, signedHeaders(body))).status).toBe(200)
  })

  it('shows the request line of a request the parser refused, when it had one', async () => {
    h = await startHarness()
    await rawExchange(h.receiver.url, ['POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n'])
    await until(() => refusals(h!).length > 0)
    expect(onlyRefusal(h)).toMatchObject({ method: 'POST', path: '/webhook', reason: 'malformed_http' })
  })

  it('answers 408 to headers that drip in too slowly, and records it; a silent connection is just closed', async () => {
    h = await startHarness({ headersTimeoutMs: 300, requestTimeoutMs: 600 })
    const started = Date.now()
    const drip = 'POST /webhook HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n'.split('')
    const reply = await rawExchange(h.receiver.url, drip, { gapMs: 40, maxMs: 5000 })
    expect(reply).toMatch(/^HTTP\/1\.1 408 /)
    expect(Date.now() - started).toBeLessThan(2500)
    expect(onlyRefusal(h)).toMatchObject({ status: 408, reason: 'headers_timeout' })
    expect(await rawExchange(h.receiver.url, [], { maxMs: 3000 })).toBe('')
    expect(refusals(h)).toHaveLength(1)
  })

  it('answers 408 to a body that keeps dripping past the request timeout', async () => {
    h = await startHarness({ bodyIdleTimeoutMs: 400, requestTimeoutMs: 700, headersTimeoutMs: 300 })
    const head = 'POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n'
    const started = Date.now()
    const reply = await rawExchange(h.receiver.url, [head, ...'{"a":"'.repeat(40).split('')], { gapMs: 50, maxMs: 5000 })
    expect(reply).toMatch(/^HTTP\/1\.1 408 /)
    expect(Date.now() - started).toBeGreaterThanOrEqual(650)
    expect(Date.now() - started).toBeLessThan(2500)
    expect(onlyRefusal(h)).toMatchObject({ status: 408, reason: 'body_timeout' })
  })

  it('journals a large pretty-printed body once, on one line, as the same value', async () => {
    h = await startHarness()
    const envelope = { ...(JSON.parse(smsEnvelope()) as object), pad: Array.from({ length: 2000 }, (_, i) => `line ${i} \u2028 "quoted"\n`) }
    const body = JSON.stringify(envelope, null, 2).replaceAll('\n', '\r\n')
    expect(body.length).toBeGreaterThan(60_000)
    expect((await post(h.receiver.url, body, signedHeaders(body))).status).toBe(200)
    const records = await h.records()
    expect(records).toHaveLength(1)
    expect((records[0]!.data as { payload: unknown }).payload).toEqual(envelope)
  })

  it('survives an onDelivery listener that throws', async () => {
    h = await startHarness({
      onDelivery: () => {
        throw new Error('listener bug')
      }
    })
    const body = smsEnvelope()
    expect((await post(h.receiver.url, body, signedHeaders(body))).status).toBe(200)
    expect(await rawExchange(h.receiver.url, ['NOT HTTP\r\n\r\n'])).toMatch(/^HTTP\/1\.1 400/)
    expect((await post(h.receiver.url, body, signedHeaders(body))).status).toBe(200)
  })
})
