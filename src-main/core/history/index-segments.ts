import { Index } from 'flexsearch'

/**
 * The search index cut into segments of consecutive document ids, so a document leaving costs
 * nothing. FlexSearch's own `remove` splices the id out of every posting list it sits in: with
 * 50,000 texts that share their common words (a full archive taking one more text and dropping
 * the oldest) that was 1.4 ms per text, measured here, more than everything else a delivery
 * costs. The archive drops its oldest first, so here a dropped document is only counted, and a
 * segment whose documents have all gone is let go at once. A segment left mostly dead by a few
 * long-lived documents (a note, a call still in the archive) is built anew from those.
 */
export const SEGMENT_DOCS = 5_000
/** A segment is rebuilt once fewer than this share of what it indexed is still there. */
const COMPACT_BELOW = 0.25

interface Segment {
  index: Index
  /** Documents indexed in it (not merely waiting) that are still there. */
  live: Set<number>
  /** How many it was given, the dead included. */
  indexed: number
}

export class IndexSegments {
  private segments = new Map<number, Segment>()

  constructor(
    /** The text of a document still there, for rebuilding a sparse segment; null once gone. */
    private readonly textOf: (id: number) => string | null
  ) {}

  add(id: number, text: string): void {
    const key = keyOf(id)
    let segment = this.segments.get(key)
    if (!segment) {
      this.segments.set(key, (segment = { index: newIndex(), live: new Set(), indexed: 0 }))
      // The segment that just filled up may have lost documents while it was filling.
      const previous = this.segments.get(key - 1)
      if (previous) this.settle(key - 1, previous)
    }
    segment.index.add(id, text)
    segment.live.add(id)
    segment.indexed += 1
  }

  /** A document left: forgotten with its segment, or when a sparse segment is rebuilt. */
  remove(id: number, newestId: number): void {
    const key = keyOf(id)
    const segment = this.segments.get(key)
    if (!segment?.live.delete(id)) return
    // The segment still filling (ids up to the newest given out) is left alone.
    if (key !== keyOf(newestId)) this.settle(key, segment)
  }

  /**
   * Empty: gone. Mostly dead: rebuilt, unless it is the oldest, which the archive is draining
   * anyway (so at most one sparse segment is ever kept, and a steady flood never waits for one).
   */
  private settle(key: number, segment: Segment): void {
    if (segment.live.size === 0) this.segments.delete(key)
    else if (segment.live.size < segment.indexed * COMPACT_BELOW && key !== this.segments.keys().next().value) this.rebuild(key, segment)
  }

  /** At most a quarter of a segment's documents, indexed again without the dead. */
  private rebuild(key: number, old: Segment): void {
    const fresh: Segment = { index: newIndex(), live: new Set(), indexed: 0 }
    for (const id of old.live) {
      const text = this.textOf(id)
      if (text === null) continue
      fresh.index.add(id, text)
      fresh.live.add(id)
      fresh.indexed += 1
    }
    if (fresh.live.size > 0) this.segments.set(key, fresh)
    else this.segments.delete(key)
  }

  /**
   * Ids holding `term`, best first within a segment, newest segment first; dead ids are skipped.
   * Each segment is asked for only as many as are still missing.
   */
  search(term: string, limit: number): number[] {
    const out: number[] = []
    const keys = [...this.segments.keys()].sort((a, b) => b - a)
    for (const key of keys) {
      const segment = this.segments.get(key)!
      const ids = segment.index.search(term, { limit: limit - out.length + segment.indexed - segment.live.size }) as number[]
      for (const id of ids) {
        if (!segment.live.has(id)) continue
        out.push(id)
        if (out.length >= limit) return out
      }
    }
    return out
  }

  /** Segments held (tests: memory follows the archive). */
  get size(): number {
    return this.segments.size
  }
}

const keyOf = (id: number): number => Math.floor(id / SEGMENT_DOCS)

function newIndex(): Index {
  // Resolution 3: hits are ranked coarsely by where the words sit in the line, which is all a
  // one-line document needs, and indexing is twice as fast as at the default 9.
  return new Index({ tokenize: 'forward', resolution: 3 })
}
