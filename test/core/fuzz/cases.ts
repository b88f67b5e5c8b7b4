import { sign } from '../../../src-main/core/receiver/signature'
import type { Prng } from './prng'

export const FUZZ_SECRET = 'whsec_fuzz_secret'
export const MAX_BODY = 64 * 1024

/** One request the fuzzer sends, and what the receiver must make of it. */
export interface FuzzCase {
  index: number
  label: string
  method: string
  path: string
  headers: Record<string, string>
  body: Buffer
  /** Sent as these bytes over a bare socket (what an HTTP client would refuse to send). */
  raw?: Buffer
  /** 'accepted': 200 and journaled once; 'duplicate': 200 and not journaled again; else the refusal status. */
  expect: 'accepted' | 'duplicate' | number
  /** For a retry: the index of the valid case it repeats (sent only once that one was answered). */
  retryOf?: number
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000)

function smsBody(rng: Prng, n: number, extra: Record<string, unknown> = {}): Buffer {
  const text = rng.string(rng.int(0, 200), 'abcdef ghij klmnop qrst uvwxyz é漢😀"\\\n\t')
  return Buffer.from(
    JSON.stringify({
      event: 'agent.message',
      channel: rng.pick(['sms', 'mms', 'imessage']),
      timestamp: new Date().toISOString(),
      agentId: 'agt_fuzz',
      data: { messageId: `msg_${n}`, conversationId: `conv_${rng.int(1, 20)}`, from: '+15551230000', to: '+15559870000', message: text, direction: 'inbound' },
      conversationState: null,
      recentHistory: [],
      ...extra
    })
  )
}

function signed(body: Buffer, id: string, secret = FUZZ_SECRET, timestamp = String(nowSeconds())): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-webhook-signature': sign(secret, timestamp, body),
    'x-webhook-timestamp': timestamp,
    'x-webhook-id': id,
    'x-webhook-event': 'agent.message'
  }
}

function nested(depth: number): Buffer {
  return Buffer.from(`{"event":"agent.message","x":${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}}`)
}

type Make = (rng: Prng, base: FuzzCase) => FuzzCase

/** Every mutation leaves the request invalid in a way the receiver must name. */
const MUTATIONS: Array<[string, Make]> = [
  ['flip a body byte', (rng, c) => {
    const body = Buffer.from(c.body)
    body[rng.int(0, body.length - 1)]! ^= rng.int(1, 255)
    return { ...c, body, expect: 401 }
  }],
  ['insert body bytes', (rng, c) => {
    const at = rng.int(0, c.body.length)
    return { ...c, body: Buffer.concat([c.body.subarray(0, at), rng.bytes(rng.int(1, 4)), c.body.subarray(at)]), expect: 401 }
  }],
  ['delete body bytes', (rng, c) => {
    const at = rng.int(0, c.body.length - 5)
    return { ...c, body: Buffer.concat([c.body.subarray(0, at), c.body.subarray(at + rng.int(1, 4))]), expect: 401 }
  }],
  ['drop a required header', (rng, c) => {
    const name = rng.pick(['x-webhook-signature', 'x-webhook-timestamp', 'content-type'])
    const headers = { ...c.headers }
    delete headers[name]
    return { ...c, headers, expect: name === 'content-type' ? 415 : 401 }
  }],
  ['garble the signature', (rng, c) => {
    const value = rng.pick([`sha256=${rng.string(rng.int(0, 70), '0123456789abcdef')}`, `v1,${rng.string(44)}`, rng.string(rng.int(1, 90), 'ABCDEF0123456789=+/ ')])
    return { ...c, headers: { ...c.headers, 'x-webhook-signature': value.trim() || 'x' }, expect: 401 }
  }],
  ['garble the timestamp', (rng, c) => ({ ...c, headers: { ...c.headers, 'x-webhook-timestamp': rng.pick(['-1', '1e9', 'now', `${Date.now()}`, '12.5', rng.string(5)]) }, expect: 401 })],
  ['shift the timestamp', (rng, c) => {
    const ts = String(nowSeconds() + rng.pick([-1, 1]) * rng.int(301, 400_000))
    return { ...c, headers: signed(c.body, c.headers['x-webhook-id']!, FUZZ_SECRET, ts), expect: 401 }
  }],
  ['sign another body', (rng, c) => ({ ...c, headers: { ...c.headers, 'x-webhook-signature': sign(FUZZ_SECRET, c.headers['x-webhook-timestamp']!, smsBody(rng, c.index + 1)) }, expect: 401 })],
  ['sign with another secret', (rng, c) => ({ ...c, headers: signed(c.body, c.headers['x-webhook-id']!, `whsec_${rng.string(12)}`), expect: 401 })],
  ['send another content type', (rng, c) => ({ ...c, headers: { ...c.headers, 'content-type': rng.pick(['text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'json']) }, expect: 415 })],
  ['use another method', (rng, c) => ({ ...c, method: rng.pick(['GET', 'PUT', 'DELETE', 'PATCH']), expect: 405 })],
  ['post to another path', (rng, c) => ({ ...c, path: rng.pick(['/', '/webhook/', '/Webhook', `/${rng.string(rng.int(1, 30))}`, '/webhook/x']), expect: 404 })],
  ['nest the JSON deeply', (rng, c) => {
    const body = nested(rng.int(70, 3000))
    return { ...c, body, headers: signed(body, c.headers['x-webhook-id']!), expect: 400 }
  }],
  ['send a huge string', (rng, c) => {
    const body = smsBody(rng, c.index, { pad: 'x'.repeat(MAX_BODY + rng.int(1, 20_000)) })
    return { ...c, body, headers: signed(body, c.headers['x-webhook-id']!), expect: 413 }
  }],
  ['send invalid UTF-8', (rng, c) => {
    const body = Buffer.from(c.body)
    // 0xFE and 0xFF never occur in UTF-8, so the body cannot turn into other valid text.
    body[rng.int(1, body.length - 2)] = rng.pick([0xff, 0xfe])
    return { ...c, body, headers: signed(body, c.headers['x-webhook-id']!), expect: 400 }
  }],
  ['send JSON that is not an object', (rng, c) => {
    const body = Buffer.from(rng.pick(['[1,2,3]', '"text"', '42', 'null', 'true', '[{"event":"agent.message"}]', '{"a":', '']))
    return { ...c, body, headers: signed(body, c.headers['x-webhook-id']!), expect: 400 }
  }],
  ['send malformed HTTP', (rng, c) => {
    const raw = rng.pick([
      `${rng.string(8, 'ABCDEFGHIJ')} /webhook HTTP/1.1\r\nHost: x\r\n\r\n`,
      `POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n`,
      `POST /webhook HTTP/1.1\r\nHost: x\r\nBad Header: y\r\n\r\n`,
      `POST /webhook HTTP/9.9\r\n\r\n`,
      `z${rng.string(40, 'abc \r\n\t:')}\r\n\r\n`
    ])
    return { ...c, raw: Buffer.from(raw), expect: 400 }
  }]
]

/** Case `index` of the run: a valid signed delivery, a retry of an earlier one, or one mutation of a valid one. */
export function makeCase(rng: Prng, index: number, earlierValid: readonly FuzzCase[]): FuzzCase {
  const roll = rng.next()
  if (roll < 0.05 && earlierValid.length > 0) {
    const original = rng.pick(earlierValid)
    return { ...original, index, label: 'retry', expect: 'duplicate', retryOf: original.index }
  }
  const id = `wh_fuzz_${index}`
  const body = roll < 0.07 ? smsBody(rng, index, { pad: 'y'.repeat(rng.int(1000, MAX_BODY - 2000)) }) : smsBody(rng, index)
  const valid: FuzzCase = { index, label: 'valid', method: 'POST', path: '/webhook', headers: signed(body, id), body, expect: 'accepted' }
  if (roll < 0.4) return valid
  const [label, make] = rng.pick(MUTATIONS)
  return { ...make(rng, valid), label }
}
