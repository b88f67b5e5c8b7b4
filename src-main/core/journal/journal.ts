import { createReadStream } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Clock, Logger } from '../ports'
import { silentLogger } from '../ports'
import { listSegments, repairTail, segmentName } from './segments'
import { SegmentWriter } from './segment-writer'

/** One line of the journal. `seq` grows by one per record and carries on across restarts. */
export interface JournalRecord {
  seq: number
  /** ISO time the record was appended, from the injected clock. */
  at: string
  kind: string
  data: unknown
}

export interface JournalOptions {
  /** Folder that holds the journal-NNNNNN.jsonl files; created if missing. */
  dir: string
  clock: Clock
  /** A new file starts once the current one would pass this size (default 8 MiB). */
  maxFileBytes?: number
  logger?: Logger
}

export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024

interface Pending {
  at: string
  kind: string
  dataJson: string
  data: unknown
  resolve: (record: JournalRecord) => void
  reject: (error: unknown) => void
}

/**
 * Append-only event journal: JSON lines, durable (written and fdatasync'ed) before `append` resolves.
 * Appends that arrive during a flush ride together in the next single write + fdatasync (group
 * commit), so latency stays one or two syncs under load. Nothing is held in memory but the queue.
 */
export class Journal {
  private queue: Pending[] = []
  private flushing = false
  private closed = false
  private closing: Promise<void> | undefined
  private idle: Array<() => void> = []

  private constructor(
    private readonly dir: string,
    private readonly clock: Clock,
    private readonly writer: SegmentWriter,
    private nextSeq: number
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
    return new Journal(options.dir, options.clock, writer, (lastSeq ?? 0) + 1)
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
    return new Promise<JournalRecord>((resolve, reject) => {
      this.queue.push({ at: new Date(this.clock.now()).toISOString(), kind, dataJson, data, resolve, reject })
      if (!this.flushing) void this.flush()
    })
  }

  private async flush(): Promise<void> {
    this.flushing = true
    while (this.queue.length > 0) {
      const batch = this.queue
      this.queue = []
      // Seqs are given out only here, in write order, so a failed batch leaves no gap behind.
      const firstSeq = this.nextSeq
      const lines = batch.map(
        (p, i) => `{"seq":${firstSeq + i},"at":"${p.at}","kind":${JSON.stringify(p.kind)},"data":${p.dataJson}}\n`
      )
      try {
        await this.writer.write(Buffer.from(lines.join(''), 'utf8'))
        this.nextSeq += batch.length
        batch.forEach((p, i) => p.resolve({ seq: firstSeq + i, at: p.at, kind: p.kind, data: p.data }))
      } catch (error) {
        for (const p of batch) p.reject(error)
      }
    }
    this.flushing = false
    for (const wake of this.idle.splice(0)) wake()
  }

  /**
   * Streams every record on disk, oldest first, one line at a time (memory stays flat however big
   * the journal is). Records appended while this runs may or may not be seen. An unreadable line
   * (only possible from outside damage) is skipped.
   */
  async replay(visitor: (record: JournalRecord) => void | Promise<void>, options: { fromSeq?: number } = {}): Promise<void> {
    const fromSeq = options.fromSeq ?? 0
    for (const segment of await listSegments(this.dir)) {
      const lines = createInterface({ input: createReadStream(segment.path, { encoding: 'utf8' }), crlfDelay: Infinity })
      for await (const line of lines) {
        if (line === '') continue
        let record: JournalRecord
        try {
          record = JSON.parse(line) as JournalRecord
        } catch {
          continue
        }
        if (record.seq >= fromSeq) await visitor(record)
      }
    }
  }

  /** The seq the next append will get. */
  get nextSequence(): number {
    return this.nextSeq
  }

  /** Waits for queued appends to reach disk, then releases the file. Later appends are refused. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.closed = true
      if (this.flushing) await new Promise<void>((wake) => this.idle.push(wake))
      await this.writer.close()
    })()
    return this.closing
  }
}
