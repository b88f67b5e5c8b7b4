import { describe, expect, it } from 'vitest'
import { callerWarnings, checkExpectations, statusMatches } from '../../../src-main/core/scenarios/checks'
import type { ReadReply } from '../../../src-main/core/scenarios/read-reply'

const line = (text: string, interim: boolean) => ({ atMs: 10, raw: JSON.stringify({ text, interim }), spoken: true, text, interim, hangup: false })
const read = (patch: Partial<ReadReply>): ReadReply => ({ lines: [], body: '', closedAtMs: 10, endedBy: 'final', ndjson: true, aliasClashes: 0, ...patch })
const base = { voice: true, status: 200, timeoutMs: 30_000, timedOut: false, fault: undefined }

describe('callerWarnings', () => {
  it('says the caller heard the interim lines and then silence when the final line came too late', () => {
    const w = callerWarnings({ ...base, timedOut: true, read: read({ lines: [line('One moment.', true)], endedBy: 'aborted', closedAtMs: null }) })
    expect(w).toEqual([{ code: 'slower_than_timeout', message: 'no complete reply within the webhook timeout (30 s): the caller hears silence after the interim lines' }])
  })

  it('calls an empty JSON body silence', () => {
    const w = callerWarnings({ ...base, read: read({ ndjson: false, endedBy: 'eof', lines: [{ atMs: 1, raw: '', spoken: false, text: '', interim: false, hangup: false }] }) })
    expect(w.map((x) => x.message)).toEqual(['the reply body is empty: AgentPhone discards it and the caller hears silence'])
  })

  it('flags a non-2xx voice answer once and nothing else', () => {
    expect(callerWarnings({ ...base, status: 503, read: read({ ndjson: false }) })).toEqual([{ code: 'http_error', message: 'HTTP 503: AgentPhone speaks nothing for this turn' }])
  })

  it('stays quiet about a refused forgery: refusing it is right', () => {
    expect(callerWarnings({ ...base, status: 401, read: read({}), fault: 'badSignature' })).toEqual([])
  })
})

describe('checkExpectations', () => {
  const facts = { status: 200, reply: 'Order 1 ships', actions: ['interim' as const], latencyMs: 120, error: null }
  it('checks actions as an exact set, order aside', () => {
    expect(checkExpectations({ actions: [] }, facts)[0]).toMatchObject({ passed: false, expected: 'none', actual: 'interim' })
    expect(checkExpectations({ actions: ['interim', 'interim'] }, facts)[0]!.passed).toBe(true)
  })
  it('matches replies case-insensitively and reports silence in words', () => {
    expect(checkExpectations({ replyMatches: 'ORDER \\d' }, facts)[0]!.passed).toBe(true)
    expect(checkExpectations({ replyMatches: 'x' }, { ...facts, reply: '' })[0]!.actual).toBe('(silence)')
  })
  it('reads status as a number, a list or a class', () => {
    expect([statusMatches(401, 401), statusMatches([400, 401], 400), statusMatches('4xx', 403), statusMatches('4xx', 500), statusMatches(200, null)]).toEqual([true, true, true, false, false])
  })
})
