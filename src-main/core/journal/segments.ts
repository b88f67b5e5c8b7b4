import { open, readdir } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'

/** One journal file on disk; `index` orders them (journal-000001.jsonl, journal-000002.jsonl …). */
export interface Segment {
  index: number
  path: string
}

const SEGMENT_NAME = /^journal-(\d{6,})\.jsonl$/

export function segmentName(index: number): string {
  return `journal-${String(index).padStart(6, '0')}.jsonl`
}

/** Every segment in `dir`, oldest first. Foreign files are ignored so the folder can hold exports too. */
export async function listSegments(dir: string): Promise<Segment[]> {
  const names = await readdir(dir)
  const segments: Segment[] = []
  for (const name of names) {
    const match = SEGMENT_NAME.exec(name)
    if (match) segments.push({ index: Number(match[1]), path: join(dir, name) })
  }
  return segments.sort((a, b) => a.index - b.index)
}

const CHUNK = 64 * 1024
const NEWLINE = 0x0a

/** Position of the last `\n` strictly before `end`, or -1; reads backwards a chunk at a time. */
async function lastNewlineBefore(file: FileHandle, end: number): Promise<number> {
  const buf = Buffer.allocUnsafe(CHUNK)
  let hi = end
  while (hi > 0) {
    const lo = Math.max(0, hi - CHUNK)
    const { bytesRead } = await file.read(buf, 0, hi - lo, lo)
    const at = buf.subarray(0, bytesRead).lastIndexOf(NEWLINE)
    if (at >= 0) return lo + at
    hi = lo
  }
  return -1
}

function parseSeq(line: string): number | undefined {
  try {
    const value = JSON.parse(line) as { seq?: unknown }
    return typeof value.seq === 'number' && Number.isSafeInteger(value.seq) ? value.seq : undefined
  } catch {
    return undefined
  }
}

/**
 * Makes a segment end on a complete, parseable line and returns that line's seq (undefined if the
 * file holds none). A crash mid-write leaves a prefix of one batch: complete lines then a torn one,
 * so only the tail needs checking, never the whole file.
 */
export async function repairTail(path: string): Promise<{ lastSeq: number | undefined; size: number; dropped: number }> {
  const file = await open(path, 'r+')
  try {
    const original = (await file.stat()).size
    let end = original
    let lastSeq: number | undefined
    // `end` is the length of the prefix we keep; the line kept last is [start, end - 1).
    while (end > 0) {
      const newline = await lastNewlineBefore(file, end)
      if (newline < 0) {
        end = 0
        break
      }
      if (newline !== end - 1) {
        end = newline + 1 // bytes after the last newline: a torn line
        continue
      }
      const start = (await lastNewlineBefore(file, newline)) + 1
      const length = newline - start
      const line = Buffer.allocUnsafe(length)
      await file.read(line, 0, length, start)
      lastSeq = parseSeq(line.toString('utf8'))
      if (lastSeq !== undefined) break
      end = start // a complete but unparseable last line is torn too
    }
    if (end !== original) {
      await file.truncate(end)
      await file.datasync()
    }
    return { lastSeq, size: end, dropped: original - end }
  } finally {
    await file.close()
  }
}

const HEAD_AT = /^\{"seq":\d+,"at":"([^"]*)"/

/** The `at` of a line we wrote, read from its head (the data is never parsed). */
function atOf(line: string): number | undefined {
  const match = HEAD_AT.exec(line)
  const ms = match ? Date.parse(match[1]!) : NaN
  return Number.isNaN(ms) ? undefined : ms
}

/** When the first record in a segment was written (ms), or undefined for an empty or foreign file. */
export async function firstRecordAt(path: string): Promise<number | undefined> {
  const file = await open(path, 'r')
  try {
    const buf = Buffer.allocUnsafe(256)
    const { bytesRead } = await file.read(buf, 0, buf.length, 0)
    return atOf(buf.subarray(0, bytesRead).toString('utf8'))
  } finally {
    await file.close()
  }
}

/** When the last complete record in a segment was written (ms), or undefined. Reads only the tail. */
export async function lastRecordAt(path: string): Promise<number | undefined> {
  const file = await open(path, 'r')
  try {
    const size = (await file.stat()).size
    if (size === 0) return undefined
    const end = await lastNewlineBefore(file, size)
    if (end < 0) return undefined
    const start = (await lastNewlineBefore(file, end)) + 1
    const head = Buffer.allocUnsafe(Math.min(256, end - start))
    await file.read(head, 0, head.length, start)
    return atOf(head.toString('utf8'))
  } finally {
    await file.close()
  }
}
