import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Segment } from './segments'

/** Which records `Journal.replay` hands to the visitor. */
export interface ReplayOptions {
  /** Skip records with a lower seq. */
  fromSeq?: number
  /** Only records of this kind. */
  kind?: string
  /**
   * Only the newest `last` records (of `kind`, if given), still oldest first. Files older than
   * needed are never read, so start-up cost follows `last`, not the journal's length.
   */
  last?: number
}

/**
 * Every line we write starts `{"seq":N,"at":"…","kind":"…"` (see Journal.flush), so seq and kind
 * can be read without parsing the data, which may be large. Lines written any other way fall back
 * to a full parse.
 */
const HEAD = /^\{"seq":(\d+),"at":"[^"]*","kind":("(?:[^"\\]|\\.)*")/

export interface LineHead {
  seq: number
  kind: string
}

export function lineHead(line: string): LineHead | undefined {
  const match = HEAD.exec(line)
  if (match) return { seq: Number(match[1]), kind: JSON.parse(match[2]!) as string }
  try {
    const value = JSON.parse(line) as { seq?: unknown; kind?: unknown }
    return typeof value.seq === 'number' && typeof value.kind === 'string' ? { seq: value.seq, kind: value.kind } : undefined
  } catch {
    return undefined
  }
}

/** The non-empty lines of one file, streamed: memory stays flat however large it is. */
export function linesOf(path: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(path, { encoding: 'utf8', highWaterMark: 256 * 1024 }), crlfDelay: Infinity })
}

/**
 * Where to start for the newest `last` records of `kind`: walks files newest first, reading only
 * line heads, until enough are found. Returns the first file to read and the seq to start at.
 */
export async function tailStart(segments: readonly Segment[], last: number, kind: string | undefined): Promise<{ segment: number; fromSeq: number }> {
  let needed = last
  for (let i = segments.length - 1; i >= 0; i--) {
    const seqs: number[] = []
    for await (const line of linesOf(segments[i]!.path)) {
      const head = line === '' ? undefined : lineHead(line)
      if (head && (kind === undefined || head.kind === kind)) seqs.push(head.seq)
    }
    if (seqs.length >= needed) return { segment: i, fromSeq: seqs[seqs.length - needed]! }
    needed -= seqs.length
  }
  return { segment: 0, fromSeq: 0 }
}
