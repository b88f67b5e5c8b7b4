import { readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryCall } from '../../../src-preload/contract'
import { memorySecrets } from '../../../src-main/core/ports'
import { startSandbox, talk, tempDir, waitUntil, type Running } from './helpers'

const running: Running[] = []
afterEach(async () => {
  for (const r of running.splice(0)) await r.session.stop()
})

async function start(dir: string, parts?: Parameters<typeof startSandbox>[1]): Promise<Running> {
  const r = await startSandbox(dir, parts)
  running.push(r)
  return r
}

async function allPages(r: Running, filter: Record<string, unknown> = {}, limit = 2): Promise<HistoryCall[]> {
  const items: HistoryCall[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 50; pages++) {
    const page = await r.call('calls.history', { ...filter, limit, ...(cursor ? { cursor } : {}) })
    items.push(...page.items)
    if (!page.nextCursor) return items
    cursor = page.nextCursor
  }
  throw new Error('History never ran out of pages')
}

describe('History over the simulator and the journal', () => {
  it('pages every call once, newest first, with who answered and how each ended', async () => {
    const dir = await tempDir()
    const r = await start(dir)
    const first = await talk(r, ['Where is my order 4521?'], { by: 'Grace' })
    const second = await talk(r, ['Can I change my delivery address?'], { by: null })
    const third = await talk(r, ['Is the shop open on Sunday?'], { by: 'Alan' })

    const items = await allPages(r, {}, 2)
    expect(items.map((c) => c.id)).toEqual([third, second, first])
    const byId = Object.fromEntries(items.map((c) => [c.id, c]))
    expect(byId[first]).toMatchObject({ responders: ['Grace'], known: 'both', outcome: { kind: 'hung_up' }, direction: 'inbound', agentName: 'Sandbox Agent' })
    expect(byId[second]!.responders).toEqual(['Fallback line'])
    expect(byId[third]!.responders).toEqual(['Alan'])
    expect(byId[first]!.durationSeconds).toEqual(expect.any(Number))
    expect(byId[first]!.hasRecording).toBe(true)

    // The first page stops at the limit (one AgentPhone page) and says where to go on.
    const page1 = await r.call('calls.history', { limit: 2 })
    expect(page1.items).toHaveLength(2)
    expect(page1.total).toBe(3)
    expect(page1.nextCursor).toEqual(expect.any(String))
  })

  it('filters by status, direction, number digits, date range, and by tag and note once written', async () => {
    const dir = await tempDir()
    const r = await start(dir)
    const a = await talk(r, ['I want a refund please'], { by: 'Grace' })
    const b = await talk(r, ['Just checking in'], { by: 'Grace' })
    await r.call('notes.set', { callId: a, note: 'Promised a refund by Friday', tags: ['refund', 'VIP'] })

    expect((await allPages(r, { direction: 'outbound' })).map((c) => c.id)).toEqual([])
    expect((await allPages(r, { direction: 'inbound' })).map((c) => c.id)).toEqual([b, a])
    expect((await allPages(r, { status: 'completed' })).map((c) => c.id)).toEqual([b, a])
    expect((await allPages(r, { status: 'busy' })).map((c) => c.id)).toEqual([])
    expect((await allPages(r, { query: 'vip' })).map((c) => c.id)).toEqual([a])
    expect((await allPages(r, { query: 'by friday' })).map((c) => c.id)).toEqual([a])
    const callerDigits = (await r.call('calls.get', { callId: a })).call.from.slice(-4)
    expect((await allPages(r, { query: callerDigits })).map((c) => c.id)).toEqual([b, a])
    expect((await allPages(r, { query: '0000000' })).map((c) => c.id)).toEqual([])
    const future = new Date(Date.now() + 3_600_000).toISOString()
    expect(await allPages(r, { from: future })).toEqual([])
    expect((await allPages(r, { to: future, agentId: r.status.sandbox!.agent.id })).map((c) => c.id)).toEqual([b, a])
    expect((await allPages(r, { numberId: r.status.sandbox!.number.id })).map((c) => c.id)).toEqual([b, a])
    const tagged = (await allPages(r)).find((c) => c.id === a)!
    expect(tagged).toMatchObject({ tags: ['refund', 'VIP'], hasNote: true })
    expect(await r.call('notes.tags', {})).toEqual({ items: [{ tag: 'refund', calls: 1 }, { tag: 'VIP', calls: 1 }] })
  })

  it('finds a word a caller said, with its range, and the line index points at that line', async () => {
    const dir = await tempDir()
    const r = await start(dir)
    const callId = await talk(r, ['Hello there', 'Where is my parcel number 4521?'], { by: 'Grace', text: 'It left the warehouse today.' })
    await talk(r, ['Something else entirely'], { by: 'Grace' })

    const { hits } = await r.call('search.query', { text: 'parc 4521' })
    expect(hits).toHaveLength(1)
    const hit = hits[0]!
    expect(hit).toMatchObject({ kind: 'call', callId, who: 'Caller' })
    expect(hit.ranges.map(([s, e]) => hit.snippet.slice(s, e))).toEqual(['parc', '4521'])
    const { transcript } = await r.call('calls.get', { callId })
    expect(transcript[hit.lineIndex!]!.text).toBe('Where is my parcel number 4521?')

    const agentHits = (await r.call('search.query', { text: 'warehouse' })).hits
    expect(agentHits[0]).toMatchObject({ callId, who: 'Agent (Grace)' })
    await r.call('notes.set', { callId, note: 'Customer was upset about the courier' })
    expect((await r.call('search.query', { text: 'courier' })).hits).toEqual([expect.objectContaining({ kind: 'call', callId, who: 'Note' })])

    await r.call('sandbox.sms', { to: r.status.sandbox!.number.phoneNumber, body: 'Please call me back about the invoice' })
    await waitUntil(async () => (await r.call('search.query', { text: 'invoice' })).hits.length === 1)
    expect((await r.call('search.query', { text: 'invoice' })).hits[0]).toMatchObject({ kind: 'message', who: 'Text received' })
  })

  it('exports one call as text and JSON with every line and no secret, and the list as CSV page by page', async () => {
    const dir = await tempDir()
    const planted = 'sk_live_PLANTED_secret_0123456789'
    const secrets = memorySecrets()
    secrets.set('apiKey', planted)
    const r = await start(dir, { secrets })
    const callId = await talk(r, [`My key is ${planted} can you check it`], { by: 'Grace', text: 'Thanks, checking now.' })
    await talk(r, ['Second call'], { by: null })
    await r.call('notes.set', { callId, note: `They read out ${planted}`, tags: ['key'] })

    const text = (await r.call('calls.export', { callId, format: 'text' })).content
    expect(text).toContain('Answered by: Grace')
    expect(text).toContain('Agent (Grace): Thanks, checking now.')
    expect(text).toContain('Caller: My key is [redacted] can you check it')
    expect(text).toContain('Caller hung up')
    const json = await r.call('calls.export', { callId, format: 'json' })
    expect(json.filename).toBe(`call-${callId}.json`)
    const parsed = JSON.parse(json.content) as { call: HistoryCall; transcript: Array<{ text: string; by?: string }>; tags: string[] }
    expect(parsed.call.id).toBe(callId)
    expect(parsed.transcript.find((l) => l.by === 'Grace')?.text).toBe('Thanks, checking now.')
    expect(parsed.tags).toEqual(['key'])

    let csv = ''
    let cursor: string | undefined
    do {
      const page = await r.call('calls.exportCsv', cursor ? { cursor } : {})
      csv += page.csv
      cursor = page.nextCursor ?? undefined
    } while (cursor)
    const rows = csv.trim().split('\r\n')
    expect(rows[0]).toBe('id,started_at,ended_at,duration_seconds,direction,from,to,agent,status,outcome,answered_by,tags,recording')
    expect(rows).toHaveLength(3)
    expect(rows[1]).toContain('Fallback line')
    expect(rows[2]).toContain(callId)

    // The webhook secret the core holds is never in an export either.
    const webhookSecret = (await r.call('webhooks.status', {})).current
    for (const out of [text, json.content, csv]) {
      expect(out).not.toContain(planted)
      expect(out).not.toMatch(/whsec_/)
    }
    expect(webhookSecret).not.toBeNull()
  })

  it('keeps calls, notes and the search index across a restart, and lists calls AgentPhone no longer has', async () => {
    const dir = await tempDir()
    const r = await start(dir)
    const callId = await talk(r, ['The blue widget arrived broken'], { by: 'Grace' })
    await r.call('notes.set', { callId, note: 'Send a replacement', tags: ['damaged'] })
    const notesFile = path.join(dir, 'call-notes.json')
    expect((await stat(notesFile)).mode & 0o777).toBe(0o600)
    expect(JSON.parse(await readFile(notesFile, 'utf8')).calls[callId].tags).toEqual(['damaged'])
    const usageBefore = (await r.call('usage.summary', {})) as { stats: { totalCalls: number } }
    expect(usageBefore.stats.totalCalls).toBe(1)
    await r.session.stop()
    running.splice(0)

    const again = await start(dir)
    await waitUntil(async () => (await again.call('search.query', { text: 'widget' })).indexed.ready)
    const hits = (await again.call('search.query', { text: 'widget' })).hits
    expect(hits.map((h) => h.callId)).toEqual([callId])
    expect((await again.call('search.query', { text: 'replacement' })).hits[0]).toMatchObject({ callId, who: 'Note' })
    const [row] = await allPages(again)
    expect(row).toMatchObject({ id: callId, responders: ['Grace'], tags: ['damaged'], known: 'both' })
    expect(((await again.call('usage.summary', {})) as { stats: { totalCalls: number } }).stats.totalCalls).toBe(1)

    // The sandbox forgets its calls; the journal does not.
    await again.call('sandbox.reset', {})
    const after = await allPages(again)
    expect(after).toEqual([expect.objectContaining({ id: callId, known: 'journal', responders: ['Grace'], outcome: expect.objectContaining({ kind: 'hung_up' }) })])
    const text = (await again.call('calls.export', { callId, format: 'text' })).content
    expect(text).toContain('The blue widget arrived broken')
  })

  it('refuses a cursor it did not give out, and a tag with a comma', async () => {
    const r = await start(await tempDir())
    const bad = await r.session.invoke('calls.history', { cursor: 'not-a-cursor' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    const tag = await r.session.invoke('notes.set', { callId: 'call_x', tags: ['a,b'] })
    expect(tag).toMatchObject({ ok: false, error: { code: 'invalid_params', message: expect.stringContaining('comma') } })
  })
})
