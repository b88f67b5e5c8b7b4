import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Journal } from '../../../src-main/core/journal/journal'
import type { JournalRecord } from '../../../src-main/core/journal/journal'
import type { Clock } from '../../../src-main/core/ports'

const clock: Clock = { now: () => Date.parse('2026-05-01T12:00:00.000Z'), after: () => ({ cancel() {} }) }

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-'))
})
afterEach(() => {
  vi.restoreAllMocks()
  rmSync(dir, { recursive: true, force: true })
})

function segmentPath(index: number): string {
  return join(dir, `journal-${String(index).padStart(6, '0')}.jsonl`)
}
function fileLines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean)
}
async function all(journal: Journal, fromSeq?: number): Promise<JournalRecord[]> {
  const out: JournalRecord[] = []
  await journal.replay((r) => void out.push(r), { fromSeq })
  return out
}

describe('Journal', () => {
  it('has the record on disk, with seq and time, once append resolves', async () => {
    const journal = await Journal.open({ dir, clock })
    const record = await journal.append('webhook', { webhookId: 'wh_1', n: 1 })
    expect(record).toEqual({ seq: 1, at: '2026-05-01T12:00:00.000Z', kind: 'webhook', data: { webhookId: 'wh_1', n: 1 } })
    // Read the file while the journal is still open: nothing may be waiting in a buffer.
    expect(fileLines(segmentPath(1)).map((l) => JSON.parse(l))).toEqual([record])
    await journal.close()
  })

  it('groups appends that arrive during a flush into one write and one fdatasync', async () => {
    const journal = await Journal.open({ dir, clock })
    const probe = await open(join(dir, 'probe'), 'w')
    const proto = Object.getPrototypeOf(probe) as { datasync: () => Promise<void> }
    await probe.close()
    const syncs = vi.spyOn(proto, 'datasync')
    const records = await Promise.all(Array.from({ length: 300 }, (_, i) => journal.append('n', i)))
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
    expect(records.map((r) => r.data)).toEqual(Array.from({ length: 300 }, (_, i) => i))
    expect(syncs.mock.calls.length).toBeGreaterThanOrEqual(1)
    expect(syncs.mock.calls.length).toBeLessThanOrEqual(3) // one for the first, one for everything queued behind it
    expect(fileLines(segmentPath(1)).map((l) => (JSON.parse(l) as JournalRecord).seq)).toEqual(records.map((r) => r.seq))
    await journal.close()
  })

  it('drops a torn last line on start and carries the seq on', async () => {
    const first = await Journal.open({ dir, clock })
    for (let i = 1; i <= 3; i++) await first.append('n', { i })
    await first.close()
    const intact = statSync(segmentPath(1)).size
    appendFileSync(segmentPath(1), '{"seq":4,"at":"2026-05-01T12:00:00.000Z","kind":"n","da') // crash mid-write

    const second = await Journal.open({ dir, clock })
    expect(statSync(segmentPath(1)).size).toBe(intact)
    expect((await all(second)).map((r) => r.data)).toEqual([{ i: 1 }, { i: 2 }, { i: 3 }])
    expect((await second.append('n', { i: 4 })).seq).toBe(4)
    await second.close()

    const third = await Journal.open({ dir, clock })
    expect((await all(third)).map((r) => r.seq)).toEqual([1, 2, 3, 4])
    await third.close()
  })

  it('also drops a complete but unparseable last line', async () => {
    const first = await Journal.open({ dir, clock })
    await first.append('n', 1)
    await first.append('n', 2)
    await first.close()
    appendFileSync(segmentPath(1), '{"seq":3,"at":\n')
    const second = await Journal.open({ dir, clock })
    expect((await all(second)).map((r) => r.seq)).toEqual([1, 2])
    expect((await second.append('n', 3)).seq).toBe(3)
    expect(fileLines(segmentPath(1))).toHaveLength(3)
    await second.close()
  })

  it('recovers when the last good line is longer than a read chunk', async () => {
    const first = await Journal.open({ dir, clock })
    await first.append('small', 1)
    await first.append('big', { text: 'z'.repeat(200_000) })
    await first.close()
    appendFileSync(segmentPath(1), `{"seq":3,"data":"${'q'.repeat(100_000)}`)
    const second = await Journal.open({ dir, clock })
    expect((await all(second)).map((r) => r.kind)).toEqual(['small', 'big'])
    expect((await second.append('n', 3)).seq).toBe(3)
    await second.close()
  })

  it('rotates at the size limit and replays every file in order', async () => {
    const journal = await Journal.open({ dir, clock, maxFileBytes: 300 })
    for (let i = 1; i <= 20; i++) await journal.append('n', { i, pad: 'x'.repeat(40) })
    const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()
    expect(files.length).toBeGreaterThan(4)
    for (const f of files) expect(statSync(join(dir, f)).size).toBeLessThanOrEqual(300)
    expect((await all(journal)).map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
    expect((await all(journal, 15)).map((r) => r.seq)).toEqual([15, 16, 17, 18, 19, 20])
    await journal.close()

    const reopened = await Journal.open({ dir, clock, maxFileBytes: 300 })
    expect((await reopened.append('n', { i: 21 })).seq).toBe(21)
    expect(readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort().slice(0, files.length)).toEqual(files)
    await reopened.close()
  })

  it('continues the seq from an older file when the newest one is empty (crash right after rotating)', async () => {
    const journal = await Journal.open({ dir, clock })
    for (let i = 1; i <= 5; i++) await journal.append('n', i)
    await journal.close()
    writeFileSync(segmentPath(2), '')
    const reopened = await Journal.open({ dir, clock })
    expect((await reopened.append('n', 6)).seq).toBe(6)
    expect(fileLines(segmentPath(2)).map((l) => (JSON.parse(l) as JournalRecord).seq)).toEqual([6])
    expect((await all(reopened)).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5, 6])
    await reopened.close()
  })

  it('fails only the append whose data cannot be serialised', async () => {
    const journal = await Journal.open({ dir, clock })
    const results = await Promise.allSettled([journal.append('a', 1), journal.append('b', { n: 10n }), journal.append('c', 3)])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((await all(journal)).map((r) => [r.seq, r.kind])).toEqual([
      [1, 'a'],
      [2, 'c']
    ])
    await journal.close()
  })

  it('close waits for queued appends and refuses later ones', async () => {
    const journal = await Journal.open({ dir, clock })
    const pending = [journal.append('n', 1), journal.append('n', 2)]
    await journal.close()
    expect((await Promise.all(pending)).map((r) => r.seq)).toEqual([1, 2])
    await expect(journal.append('n', 3)).rejects.toThrow(/closed/)
    expect(fileLines(segmentPath(1))).toHaveLength(2)
  })

  it('replays a large journal line by line through an async visitor', async () => {
    const journal = await Journal.open({ dir, clock, maxFileBytes: 64 * 1024 })
    await Promise.all(Array.from({ length: 2000 }, (_, i) => journal.append('n', { i, text: 'y'.repeat(100) })))
    let expected = 1
    let count = 0
    await journal.replay(async (r) => {
      expect(r.seq).toBe(expected++)
      if (++count % 500 === 0) await new Promise((res) => setImmediate(res))
    })
    expect(count).toBe(2000)
    await journal.close()
  })

  it('replays only one kind, or only the newest N of it, reading back only the files it needs', async () => {
    const journal = await Journal.open({ dir, clock, maxFileBytes: 400 })
    for (let i = 1; i <= 30; i++) await journal.append(i % 3 === 0 ? 'call' : 'webhook', { i })
    expect((await all(journal)).length).toBe(30)
    const kinds = async (options: Parameters<Journal['replay']>[1]) => {
      const out: number[] = []
      await journal.replay((r) => void out.push((r.data as { i: number }).i), options)
      return out
    }
    expect(await kinds({ kind: 'call' })).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30])
    expect(await kinds({ kind: 'webhook', last: 4 })).toEqual([25, 26, 28, 29])
    expect(await kinds({ last: 3 })).toEqual([28, 29, 30])
    expect(await kinds({ kind: 'call', last: 100 })).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30])
    expect(await kinds({ kind: 'webhook', last: 0 })).toEqual([])
    expect(await kinds({ kind: 'nothing', last: 5 })).toEqual([])
    await journal.close()
  })

  it('appendJson stores the given text as the data, and refuses text that would break the line', async () => {
    const journal = await Journal.open({ dir, clock })
    const record = await journal.appendJson('webhook', '{"b": 2, "a":[1, 2]}', { b: 2, a: [1, 2] })
    expect(record).toMatchObject({ seq: 1, kind: 'webhook', data: { b: 2, a: [1, 2] } })
    expect(fileLines(segmentPath(1))[0]).toContain('"data":{"b": 2, "a":[1, 2]}}')
    await expect(journal.appendJson('webhook', '{"a":\n1}', { a: 1 })).rejects.toThrow(/one line/)
    expect((await all(journal)).map((r) => r.data)).toEqual([{ b: 2, a: [1, 2] }])
    await journal.close()
  })

  it('overlaps syncs but still resolves appends in seq order, and close waits for all of them', async () => {
    const journal = await Journal.open({ dir, clock, maxSyncsInFlight: 3, maxFileBytes: 2048 })
    const resolved: number[] = []
    const pending: Array<Promise<JournalRecord>> = []
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < 10; i++) pending.push(journal.append('n', { round, i }).then((r) => (resolved.push(r.seq), r)))
      await new Promise((res) => setImmediate(res))
    }
    await journal.close()
    expect(resolved).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    const reopened = await Journal.open({ dir, clock })
    expect((await all(reopened)).map((r) => r.seq)).toEqual(resolved)
    await reopened.close()
  })
})
