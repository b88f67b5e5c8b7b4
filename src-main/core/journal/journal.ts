import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import type { Clock, Logger } from '../ports'
import { silentLogger } from '../ports'
import { ensurePrivateDir } from '../private-files'
import { JournalHealthTracker, type JournalHealth } from './journal-health'
import { lineHead, linesOf, tailStart } from './journal-reader'
import type { ReplayOptions } from './journal-reader'
import { journalStats, pruneSegments, type JournalStats } from './retention'
import { firstRecordAt, listSegments, repairTail, segmentName } from './segments'
import { GroupCommit } from './group-commit'
import type { JournalRecord } from './group-commit'
import { SegmentWriter } from './segment-writer'

export type { JournalHealth } from './journal-health'
export type { JournalStats } from './retention'

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
  /** A file stops taking records after this long (default one day), so retention drops whole days. */
  maxFileAgeMs?: number
  /** Makes a written batch durable (default fdatasync). Tests hold it to prove nothing is acknowledged before. */
  sync?: (file: FileHandle) => Promise<void>
}

export type { ReplayOptions } from './journal-reader'

export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024
export const DEFAULT_MAX_FILE_AGE_MS = 24 * 60 * 60_000

/**
 * Append-only event journal: JSON lines, durable (written and fdatasync'ed) before `append` resolves.
 * Appends that arrive while a batch is being written ride together in the next write + fdatasync
 * (group commit), so latency stays about one sync under load. Nothing is held in memory but the
 * queue and the batches being synced.
 */
export class Journal {
  private closed = false
  private closing: Promise<void> | undefined

  private readonly tracker: JournalHealthTracker

  private constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly commits: GroupCommit,
    logger: Logger
  ) {
    this.tracker = new JournalHealthTracker(clock, logger)
  }

  /** Opens (or creates) the journal in `dir`, dropping a torn last line left by a crash. */
  static async open(options: JournalOptions): Promise<Journal> {
    const logger = options.logger ?? silentLogger
    // Transcripts and message bodies: the folder and its files are the owner's alone, whatever the umask.
    await ensurePrivateDir(options.dir)
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
    const limits = { maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, maxAgeMs: options.maxFileAgeMs ?? DEFAULT_MAX_FILE_AGE_MS }
    const firstAt = currentSize > 0 ? await firstRecordAt(current.path) : undefined
    const writer = await SegmentWriter.open(options.dir, current.index, currentSize, limits, firstAt)
    const commits = new GroupCommit(writer, (lastSeq ?? 0) + 1, Math.max(1, options.maxSyncsInFlight ?? 2), options.sync)
    return new Journal(options.dir, options.clock, commits, logger)
  }

  /** Whether writes reach the disk; the session shows it in `app.status`. */
  health(): JournalHealth {
    return this.tracker.health()
  }

  /** Called whenever `health()` changes (a write failed, or writes work again). */
  onHealthChange(listener: (health: JournalHealth) => void): () => void {
    return this.tracker.onChange(listener)
  }

  /**
   * Retention: removes the files whose newest record is older than `cutoffMs`. The file being
   * written is never removed (it is at most a day old: see `maxFileAgeMs`).
   */
  prune(cutoffMs: number): Promise<number> {
    return this.commits.exclusive((writer) => pruneSegments(this.dir, cutoffMs, writer.currentIndex))
  }

  /** Clear history: every file goes; the next record starts a new one and seqs carry on. */
  clear(): Promise<number> {
    if (this.closed) return Promise.reject(new Error('journal is closed'))
    return this.commits.exclusive(async (writer) => {
      const removed = await writer.reset()
      this.tracker.succeeded()
      return removed
    })
  }

  /** How much history is on disk, and from when. */
  stats(): Promise<JournalStats> {
    return journalStats(this.dir)
  }

  /** Resolves once the record is on disk. Rejects if `data` cannot be serialised or the write fails. */
  append(kind: string, data: unknown): Promise<JournalRecord> {
    if (this.closed) return Promise.reject(new Error('journal is closed'))
    let dataJson: string
    try {
      // Serialise now so a bad payload fails its own append, not the whole batch.
      dataJson = JSON.stringify(data) ?? 'null'
    } catch (error) {
      this.tracker.failed(kind, error)
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
    return this.commits.add(new Date(this.clock.now()).toISOString(), kind, dataJson, data).then(
      (record) => {
        this.tracker.succeeded()
        return record
      },
      (error: unknown) => {
        this.tracker.failed(kind, error)
        throw error
      }
    )
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
