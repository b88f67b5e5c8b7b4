import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Journal, type JournalHealth, type JournalRecord } from '../../../src-main/core/journal/journal'
import type { Clock, Logger } from '../../../src-main/core/ports'

const DAY = 24 * 60 * 60_000
let dir: string
let nowMs = Date.parse('2026-01-01T09:00:00.000Z')
const clock: Clock = { now: () => nowMs, after: () => ({ cancel() {} }) }
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-control-'))
  nowMs = Date.parse('2026-01-01T09:00:00.000Z')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

async function seqs(journal: Journal): Promise<number[]> {
  const out: number[] = []
  await journal.replay((r: JournalRecord) => void out.push(r.seq))
  return out
}

describe('journal files are private', () => {
  it('makes the folder 0700 and the files 0600 even with a permissive umask', async () => {
    const previous = process.umask(0)
    try {
      const journal = await Journal.open({ dir: join(dir, 'journal'), clock, maxFileBytes: 200 })
      for (let i = 0; i < 5; i++) await journal.append('n', { text: 'a transcript line that is private' })
      await journal.close()
    } finally {
      process.umask(previous)
    }
    expect(statSync(join(dir, 'journal')).mode & 0o777).toBe(0o700)
    const files = readdirSync(join(dir, 'journal'))
    expect(files.length).toBeGreaterThan(1) // rotated files too
    for (const name of files) expect(statSync(join(dir, 'journal', name)).mode & 0o777).toBe(0o600)
  })
})

describe('journal health', () => {
  it('raises a flag and logs the stack when writes fail, and lowers it when they work again', async () => {
    let failing = true
    const logger: Logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    const journal = await Journal.open({
      dir,
      clock,
      logger,
      sync: async (file: FileHandle) => {
        if (failing) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })
        await file.datasync()
      }
    })
    const changes: JournalHealth[] = []
    journal.onHealthChange((h) => changes.push(h))
    await expect(journal.append('line', { text: 'lost' })).rejects.toThrow('EIO')
    await expect(journal.append('line', { text: 'lost too' })).rejects.toThrow()
    expect(journal.health()).toEqual({ ok: false, error: expect.stringContaining('fdatasync'), since: '2026-01-01T09:00:00.000Z' })
    const logged = vi.mocked(logger.error).mock.calls[0]
    expect(logged?.[0]).toContain('could not be written')
    expect(String((logged?.[1] as { stack?: string }).stack)).toContain('EIO: i/o error')

    // After a failed sync nothing more is appended until the file is repaired; Clear history does that.
    failing = false
    await journal.clear()
    expect(journal.health().ok).toBe(true)
    await journal.append('line', { text: 'kept' })
    expect(changes[0]?.ok).toBe(false)
    expect(changes.at(-1)).toEqual({ ok: true, error: null, since: null })
    await journal.close()
  })

  it('counts a record that cannot be serialised as a failure too', async () => {
    const logger: Logger = { info() {}, warn() {}, error: vi.fn() }
    const journal = await Journal.open({ dir, clock, logger })
    const circular: Record<string, unknown> = {}
    circular.self = circular
    await expect(journal.append('call', circular)).rejects.toThrow()
    expect(journal.health().ok).toBe(false)
    await journal.append('call', { fine: true })
    expect(journal.health().ok).toBe(true)
    await journal.close()
  })
})

describe('retention and Clear history', () => {
  it('starts a new file each day and removes the days past the retention period', async () => {
    const journal = await Journal.open({ dir, clock })
    for (let day = 0; day < 5; day++) {
      await journal.append('n', { day })
      nowMs += DAY
    }
    expect(readdirSync(dir).filter((n) => n.endsWith('.jsonl'))).toHaveLength(5)
    // Keep two days: records of the first three days go, whole files at a time.
    const removed = await journal.prune(nowMs - 2 * DAY - 1)
    expect(removed).toBe(3)
    const days: number[] = []
    await journal.replay((r) => void days.push((r.data as { day: number }).day))
    expect(days).toEqual([3, 4])
    expect((await journal.stats()).oldestAt).toBe(new Date(Date.parse('2026-01-01T09:00:00.000Z') + 3 * DAY).toISOString())
    await journal.close()
  })

  it('never removes the file being written, however old its records', async () => {
    const journal = await Journal.open({ dir, clock })
    await journal.append('n', 1)
    expect(await journal.prune(nowMs + 365 * DAY)).toBe(0)
    expect(await seqs(journal)).toEqual([1])
    await journal.close()
  })

  it('clears every file, waits for appends in flight, and carries the seq on', async () => {
    const journal = await Journal.open({ dir, clock, maxFileBytes: 100 })
    for (let i = 0; i < 6; i++) await journal.append('n', { i, pad: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' })
    const inFlight = journal.append('n', { i: 6 })
    const cleared = journal.clear()
    const after = journal.append('n', { i: 7 })
    expect((await inFlight).seq).toBe(7)
    expect(await cleared).toBeGreaterThan(1)
    expect((await after).seq).toBe(8)
    expect(await seqs(journal)).toEqual([8])
    expect(await journal.stats()).toMatchObject({ files: 1 })
    await journal.close()
    // A restart continues after 8, not from 1: ids and dedupe stay unique.
    const again = await Journal.open({ dir, clock })
    expect((await again.append('n', 9)).seq).toBe(9)
    await again.close()
  })
})
