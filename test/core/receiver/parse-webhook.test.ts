import { describe, expect, it } from 'vitest'
import { factsOf, nestingExceeds, parseWebhookBody } from '../../../src-main/core/receiver/parse-webhook'
import { RecentIds } from '../../../src-main/core/receiver/recent-ids'

describe('parseWebhookBody', () => {
  it('counts nesting outside strings only, escapes included', () => {
    expect(nestingExceeds('{"a":{"b":[1]}}', 3)).toBe(false)
    expect(nestingExceeds('{"a":{"b":[[1]]}}', 3)).toBe(true)
    expect(nestingExceeds(JSON.stringify({ t: '[[[[{{{{\\"[[[[' }), 2)).toBe(false)
    // An escaped backslash right before the closing quote must not swallow the quote.
    expect(nestingExceeds(JSON.stringify({ t: 'ends with a backslash \\', u: [[[1]]] }), 4)).toBe(false)
    expect(nestingExceeds(JSON.stringify({ t: 'x\\', u: [[[[1]]]] }), 4)).toBe(true)
    // More brackets than the limit side by side is still shallow; as many nested is not.
    expect(nestingExceeds('{"a":[{},{},{},{},{}]}', 3)).toBe(false)
    expect(nestingExceeds('[[[[]]]]', 3)).toBe(true)
    expect(nestingExceeds('[[[]]]', 3)).toBe(false)
  })

  it('extracts the facts the receiver routes on, and nothing from a non-object data', () => {
    const ok = parseWebhookBody(Buffer.from(JSON.stringify({ event: 'agent.message', channel: 'voice', data: { callId: 'c1', transcript: 'hi' } })), 64)
    expect(ok).toMatchObject({ ok: true, facts: { event: 'agent.message', channel: 'voice', callId: 'c1', transcript: 'hi', conversationId: null } })
    const odd = parseWebhookBody(Buffer.from('{"event":5,"data":"x"}'), 64)
    expect(odd).toMatchObject({ ok: true, facts: { event: null, callId: null } })
  })

  it('names the person a delivery is about: the caller, or on an outbound call the person called', () => {
    const facts = (data: Record<string, unknown>) => factsOf({ event: 'agent.message', data })
    expect(facts({ from: '+14155550100', to: '+14155550200' }).party).toBe('+14155550100')
    expect(facts({ direction: 'outbound', from: '+14155550100', to: '+14155550200' }).party).toBe('+14155550200')
    expect(facts({ fromNumber: '+14155550111' }).party).toBe('+14155550111')
    expect(facts({ from: '' }).party).toBeNull()
  })

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    expect(parseWebhookBody(Buffer.from([0x7b, 0x7d, 0xc3]), 64)).toEqual({ ok: false, reason: 'invalid_utf8' })
  })
})

describe('RecentIds', () => {
  it('keeps the newest ids and re-freshens one seen again', () => {
    const ids = new RecentIds(2)
    ids.add('a')
    ids.add('b')
    ids.add('a') // a is now newest
    ids.add('c') // evicts b
    expect([ids.has('a'), ids.has('b'), ids.has('c'), ids.size]).toEqual([true, false, true, 2])
  })

  it('stays bounded under churn and forgets a deleted id for good', () => {
    const ids = new RecentIds(100)
    for (let i = 0; i < 10_000; i++) ids.add(`id_${i}`)
    expect([ids.size, ids.has('id_9999'), ids.has('id_9900'), ids.has('id_9899')]).toEqual([100, true, true, false])
    ids.delete('id_9950')
    ids.add('id_9950') // the retry after a failed write
    for (let i = 0; i < 99; i++) ids.add(`more_${i}`)
    expect(ids.has('id_9950')).toBe(true) // its old slot left without taking the new copy along
  })
})
