import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CallInfo, TranscriptTurn } from '../../../src-preload/contract'
import { CallArchive } from '../../../src-main/core/history/call-archive'
import { csvRow, redactor } from '../../../src-main/core/history/call-export'
import { matchRanges, queryTerms, snippetOf, SNIPPET_CHARS } from '../../../src-main/core/history/match-ranges'
import { NotesStore } from '../../../src-main/core/history/notes-store'
import { SearchIndex } from '../../../src-main/core/history/search-index'
import { silentLogger } from '../../../src-main/core/ports'
import { respondersOf } from '../../../src-preload/responders'

const call = (id: string, over: Partial<CallInfo> = {}): CallInfo => ({
  id, agentId: 'agt', agentName: 'Agent', voiceMode: 'webhook', direction: 'inbound', from: '+14155550123', to: '+14155550100',
  status: 'completed', startedAt: '2026-11-01T10:00:00.000Z', endedAt: '2026-11-01T10:01:00.000Z', lastWords: null, answeredBy: 'human', waitingTurn: null, ...over
})
const line = (callId: string, text: string, over: Partial<TranscriptTurn> = {}): TranscriptTurn => ({ callId, speaker: 'caller', text, at: '2026-11-01T10:00:10.000Z', ...over })

/** The index takes documents a batch per tick: lets the ticks run. */
async function waitUntilReady(index: SearchIndex): Promise<void> {
  while (!index.ready) await new Promise((resolve) => setImmediate(resolve))
}

function indexed(archive = new CallArchive()) {
  const index = new SearchIndex(archive, () => undefined)
  index.follow()
  return { archive, index }
}

describe('the archive and its search index', () => {
  it('finds words by prefix and without accents, and marks where they are', () => {
    const { archive, index } = indexed()
    archive.putCall(call('c1'))
    archive.addLine(line('c1', 'Le café est fermé, order 4521 please'))
    archive.addLine(line('c1', 'Nothing to see here'))
    const [hit] = index.query('CAFE ord', 10)
    expect(hit).toMatchObject({ callId: 'c1', lineIndex: 0, who: 'Caller' })
    expect(hit!.ranges.map(([a, b]) => hit!.snippet.slice(a, b))).toEqual(['café', 'ord'])
    expect(index.query('zebra', 10)).toEqual([])
    // On a call the person placed, the far end is the person called, as the console names it live.
    archive.putCall(call('c2', { direction: 'outbound', from: '+14155550100', to: '+14155550142' }))
    archive.addLine(line('c2', 'Who is calling, please?'))
    expect(index.query('who calling', 10)).toEqual([expect.objectContaining({ callId: 'c2', who: 'Person called', party: '+14155550142' })])
    // A word inside another word is no match (the index matches word starts).
    expect(matchRanges('reorder the order', queryTerms('order'))).toEqual([[12, 17]])
  })

  it('needs every word: finds the rare pair among many lines holding one of them', async () => {
    const { archive, index } = indexed()
    archive.putCall(call('c1'))
    for (let i = 0; i < 500; i++) archive.addLine(line('c1', i % 200 === 7 ? `parcel number ${i} for zebra` : `parcel number ${i}`, { at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() }))
    await waitUntilReady(index)
    const rare = index.query('parcel zebra', 10)
    expect(rare.map((h) => h.lineIndex).sort((a, b) => a! - b!)).toEqual([7, 207, 407])
    const common = index.query('number parcel', 10)
    expect(common).toHaveLength(10)
    expect(common.every((h) => h.ranges.length === 2)).toBe(true)
  })

  it('intersects two long lists before reading any line', async () => {
    const { archive, index } = indexed()
    archive.putCall(call('c1'))
    for (let i = 0; i < 10_000; i++) archive.addLine(line('c1', `${i < 6000 ? 'alpha ' : ''}${i >= 3000 ? 'beta ' : ''}line ${i}`, { at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)).toISOString() }))
    await waitUntilReady(index)
    const hits = index.query('beta alpha', 20)
    expect(hits).toHaveLength(20)
    expect(hits.every((h) => h.lineIndex! >= 3000 && h.lineIndex! < 6000)).toBe(true)
  })

  it('cuts a long line around its first match', () => {
    const text = `${'x '.repeat(200)}the parcel arrived ${'y '.repeat(200)}`
    const { snippet, ranges } = snippetOf(text, ['parcel'])
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_CHARS + 2)
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true)
    expect(snippet.slice(ranges[0]![0], ranges[0]![1])).toBe('parcel')
  })

  it('stays bounded: past the line budget the oldest calls leave the archive and the index', async () => {
    const budget = 2000
    const { archive, index } = indexed(new CallArchive({ calls: 1000, lines: budget, messages: 10 }))
    const perCall = 100
    const calls = budget / perCall + 3
    for (let c = 0; c < calls; c++) {
      archive.putCall(call(`c${c}`))
      for (let l = 0; l < perCall; l++) archive.addLine(line(`c${c}`, `word${c} line ${l}`))
    }
    expect(archive.size.lines).toBeLessThanOrEqual(budget)
    await waitUntilReady(index)
    expect(archive.get('c0')).toBeUndefined()
    expect(archive.get(`c${calls - 1}`)).toBeDefined()
    expect(index.counts.lines).toBe(archive.size.lines)
    // Messages past their own bound go too.
    for (let m = 0; m < 15; m++) archive.addMessage({ id: `m${m}`, conversationId: null, direction: 'inbound', from: '+1', to: '+2', body: `msg${m} body`, channel: 'sms', at: '2026-11-01T10:00:00.000Z' })
    expect(archive.size.messages).toBe(10)
    expect(index.counts.messages).toBe(10)
    expect(index.query('msg0', 5)).toEqual([])
    expect(index.query('word0', 5)).toEqual([])
    expect(index.query(`word${calls - 1}`, 5)).toHaveLength(5)
  })

  it('drops a line the journal and the live events both delivered', () => {
    const archive = new CallArchive()
    archive.putCall(call('c1'))
    archive.addLine(line('c1', 'Hello'))
    archive.addLine(line('c1', 'Hello'))
    archive.addLine(line('c1', 'Hello', { at: '2026-11-01T10:00:11.000Z' }))
    expect(archive.get('c1')!.lines).toHaveLength(2)
  })

  it('Clear history keeps live calls and their lines searchable, and forgets the rest', () => {
    const { archive, index } = indexed()
    archive.putCall(call('old'))
    archive.addLine(line('old', 'ancient words'))
    archive.putCall(call('live', { status: 'in-progress', endedAt: null }))
    archive.addLine(line('live', 'current words'))
    archive.addMessage({ id: 'm1', conversationId: 'conv', direction: 'inbound', from: '+1', to: '+2', body: 'text words', channel: 'sms', at: '2026-11-01T10:00:00.000Z' })
    expect(index.query('words', 10)).toHaveLength(3)
    archive.clearEnded((c) => c.status === 'in-progress')
    expect(index.query('words', 10).map((h) => h.callId)).toEqual(['live'])
  })
})

describe('who answered', () => {
  it('names people, then the machines, once each, in the order they spoke', () => {
    const lines: TranscriptTurn[] = [
      line('c', 'hi'),
      line('c', 'One moment', { speaker: 'agent', source: 'filler' }),
      line('c', 'Sorry', { speaker: 'agent', source: 'fallback' }),
      line('c', 'Here', { speaker: 'agent', source: 'human', by: 'Grace' }),
      line('c', 'Again', { speaker: 'agent', source: 'human', by: 'Grace' }),
      line('c', 'Me', { speaker: 'agent', source: 'human' }),
      line('c', 'Draft', { speaker: 'agent', source: 'copilot' as TranscriptTurn['source'] })
    ]
    expect(respondersOf({ voiceMode: 'webhook' }, lines)).toEqual(['Fallback line', 'Grace', 'A person', 'Copilot'])
    expect(respondersOf({ voiceMode: 'hosted' }, [])).toEqual(['Hosted agent'])
    expect(respondersOf({ voiceMode: 'webhook' }, [])).toEqual([])
  })
})

describe('exports', () => {
  it('quotes CSV cells, defuses formulas and redacts every known secret', () => {
    const row = csvRow({ ...call('c1', { agentName: '=HYPERLINK("x")' }), durationSeconds: 60, responders: ['Grace, Jr.'], hasRecording: true, tags: ['a"b'], hasNote: false, known: 'both', outcome: { kind: 'completed', label: 'Ended', detail: null } })
    expect(row).toContain(`"'=HYPERLINK(""x"")"`)
    expect(row).toContain('"Grace, Jr."')
    expect(row).toContain('"a""b"')
    expect(row).toContain(',+14155550123,')
    const clean = redactor(['sk_live_abcdefgh', 'short'])
    expect(clean('key sk_live_abcdefgh and short')).toBe('key [redacted] and short')
  })
})

describe('the notes file', () => {
  it('is written atomically with 0600, read back, and a broken one is kept aside', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-notes-'))
    const notes = await NotesStore.open(dir, silentLogger)
    await notes.set('c1', { note: 'Call back', tags: ['VIP', 'vip', ' late '] }, '2026-11-01T10:00:00.000Z')
    expect(notes.get('c1')).toEqual({ callId: 'c1', note: 'Call back', tags: ['VIP', 'late'], updatedAt: '2026-11-01T10:00:00.000Z' })
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect((await NotesStore.open(dir, silentLogger)).get('c1').note).toBe('Call back')
    await notes.set('c1', { note: '', tags: [] }, '2026-11-01T10:01:00.000Z')
    expect(JSON.parse(await readFile(path.join(dir, 'call-notes.json'), 'utf8')).calls).toEqual({})

    await writeFile(path.join(dir, 'call-notes.json'), '{"version":1,"calls":')
    const fresh = await NotesStore.open(dir, silentLogger)
    expect(fresh.callIds()).toEqual([])
    const aside = (await readdir(dir)).find((f) => f.startsWith('call-notes.corrupt-'))
    expect(await readFile(path.join(dir, aside!), 'utf8')).toBe('{"version":1,"calls":')
  })
})
