import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Clock, Logger } from '../ports'
import { silentLogger } from '../ports'
import { lineHead, linesOf, tailStart } from './journal-reader'
import type { ReplayOptions } from './journal-reader'
import { listSegments, repairTail, segmentName } from './segments'
import { GroupCommit } from './group-commit'
import type { JournalRecord } from './group-commit'
import { SegmentWriter } from './segment-writer'

export type { JournalRecord } from './group-commit'

export interface JournalOptions {
  /** Folder that holds the journal-NNNNNN.jsonl files; created if missing. */
  dir: string
  clock: Clock
  /** A new file starts once the current one would pass this size (default 8 MiB). */
  maxFileBytes?: number
  logger?: Logger
  /** How many fdatasyncs may overlap (default 2; 1 = one batch at a time). */
  maxSyncsInFlight?: number
}

export type { ReplayOptions } from './journal-reader'

export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024

/**
 * Append-only event journal: JSON lines, durable (written and fdatasync'ed) before `append` resolves.
 * Appends that arrive while a batch is being written ride together in the next write + fdatasync
 * (group commit), so latency stays about one sync under load. Nothing is held in memory but the
 * queue and the batches being synced.
 */
export class Journal {
  private closed = false
  private closing: Promise<void> | undefined

  private constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly commits: GroupCommit
  ) {}

  /** Opens (or creates) the journal in `dir`, dropping a torn last line left by a crash. */
  static async open(options: JournalOptions): Promise<Journal> {
    const logger = options.logger ?? silentLogger
    await mkdir(options.dir, { recursive: true })
    const segments = await listSegments(options.dir)
    let lastSeq: number | undefined
    let current = segments.at(-1)
    let currentSize = 0
    // Walk back past empty segments: a crash just after a rotation leaves the newest one empty.
    for (let i = segments.length - 1; i >= 0 && lastSeq === undefined; i--) {
      const repaired = await repairTail(segments[i]!.path)
      if (repaired.dropped > 0) logger.warn('journal: dropped a torn tail', { file: segments[i]!.path, bytes: repaired.dropped })
      if (i === segments.length - 1) currentSize = repaired.size
      lastSeq = repaired.lastSeq
    }
    current ??= { index: 1, path: join(options.dir, segmentName(1)) }
    const writer = await SegmentWriter.open(options.dir, current.index, currentSize, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)
    return new Journal(options.dir, options.clock, new GroupCommit(writer, (lastSeq ?? 0) + 1, Math.max(1, options.maxSyncsInFlight ?? 2)))
  }

  /** Resolves once the record is on disk. Rejects if `data` cannot be serialised or the write fails. */
  append(kind: string, data: unknown): Promise<JournalRecord> {
    if (this.closed) return Promise.reject(new Error('journal is closed'))
    let dataJson: string
    try {
      // Serialise now so a bad payload fails its own append, not the whole batch.
      dataJson = JSON.stringify(data) ?? 'null'
    } catch (error) {
      return Promise.reject(error)
    }
    return this.enqueue(kind, dataJson, data)
  }

  /**
   * Like `append`, for a caller that already holds `data` as JSON text (e.g. a webhook body it
   * received and parsed), so a large payload is not serialised a second time. `dataJson` must be
   * valid JSON for `data` on one line; a line break in it is refused, since it would split the record.
   */
  appendJson(kind: string, dataJson: string, data: unknown): Promise<JournalRecord> {
    if (this.closed) return Promise.reject(new Error('journal is closed'))
    if (dataJson.includes('\n') || dataJson.includes('\r')) return Promise.reject(new Error('journal data must be one line of JSON'))
    return this.enqueue(kind, dataJson, data)
  }

  private enqueue(kind: string, dataJson: string, data: unknown): Promise<JournalRecord> {
    return this.commits.add(new Date(this.clock.now()).toISOString(), kind, dataJson, data)
  }

  /**
   * Streams the records on disk, oldest first, one line at a time (memory stays flat however big
   * the journal is). Records appended while this runs may or may not be seen. An unreadable line
   * (only possible from outside damage) is skipped. With `last`, only the newest records are read.
   */
  async replay(visitor: (record: JournalRecord) => void | Promise<void>, options: ReplayOptions = {}): Promise<void> {
    const { kind, last } = options
    let fromSeq = options.fromSeq ?? 0
    let segments = await listSegments(this.dir)
    if (last !== undefined) {
      if (last <= 0) return
      const tail = await tailStart(segments, last, kind)
      segments = segments.slice(tail.segment)
      fromSeq = Math.max(fromSeq, tail.fromSeq)
    }
    for (const segment of segments) {
      for await (const line of linesOf(segment.path)) {
        if (line === '') continue
        // The head decides before the (possibly large) data is parsed.
        const head = lineHead(line)
        if (!head || head.seq < fromSeq || (kind !== undefined && head.kind !== kind)) continue
        let record: JournalRecord
        try {
          record = JSON.parse(line) as JournalRecord
        } catch {
          continue
        }
        await visitor(record)
      }
    }
  }

  /** The seq the next append will get. */
  get nextSequence(): number {
    return this.commits.nextSeq
  }

  /** Waits for queued appends to reach disk, then releases the file. Later appends are refused. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true
      await this.commits.drain()
    })()
    return this.closing
  }
}
