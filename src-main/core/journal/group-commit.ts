import type { FileHandle } from 'node:fs/promises'
import type { SegmentWriter } from './segment-writer'

/** One line of the journal. `seq` grows by one per record and carries on across restarts. */
export interface JournalRecord {
  seq: number
  /** ISO time the record was appended, from the injected clock. */
  at: string
  kind: string
  data: unknown
}

interface Pending {
  at: string
  kind: string
  dataJson: string
  data: unknown
  resolve: (record: JournalRecord) => void
  reject: (error: unknown) => void
}

interface InFlight {
  batch: Pending[]
  firstSeq: number
  done: boolean
  error: unknown
}

/**
 * The journal's write path: queues records, writes them in batches and resolves each once its
 * batch is fdatasync'ed. Holds nothing but the queue and the batches being synced.
 */
export class GroupCommit {
  private queue: Pending[] = []
  private flushing = false
  /** Written batches whose fdatasync is running, oldest first. */
  private syncing: InFlight[] = []
  private slotFree: (() => void) | undefined
  private idle: Array<() => void> = []
  /** Set while a maintenance job (clear) holds the file: appends wait in the queue. */
  private paused = false
  /** Maintenance jobs, one after the other. */
  private jobs: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly writer: SegmentWriter,
    /** The seq the next record will get. */
    public nextSeq: number,
    private readonly maxSyncs: number,
    /** Makes a written batch durable; fdatasync unless a test holds it. */
    private readonly sync: (file: FileHandle) => Promise<void> = (file) => file.datasync()
  ) {}

  /** `dataJson` is the record's data, already serialised on one line. */
  add(at: string, kind: string, dataJson: string, data: unknown): Promise<JournalRecord> {
    return new Promise<JournalRecord>((resolve, reject) => {
      this.queue.push({ at, kind, dataJson, data, resolve, reject })
      if (!this.flushing && !this.paused) void this.flush()
    })
  }

  /** Waits until everything queued is on disk (or failed), then releases the file. */
  async drain(): Promise<void> {
    await this.whenIdle()
    await this.writer.close()
  }

  /**
   * Runs `job` with nothing in flight: batches being written or synced finish first, appends that
   * arrive meanwhile wait and are written after it, in order.
   */
  exclusive<T>(job: (writer: SegmentWriter) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.paused = true
      try {
        await this.whenIdle()
        return await job(this.writer)
      } finally {
        this.paused = false
        if (this.queue.length > 0 && !this.flushing) void this.flush()
      }
    }
    const next = this.jobs.then(run, run)
    this.jobs = next.catch(() => undefined)
    return next
  }

  private whenIdle(): Promise<void> {
    if (!this.flushing && this.syncing.length === 0) return Promise.resolve()
    return new Promise<void>((wake) => this.idle.push(wake))
  }

  /**
   * Group commit, pipelined: each batch is written as soon as the previous write returns, and its
   * fdatasync may overlap the one before (up to `maxSyncs`). On a disk whose sync takes a
   * millisecond or more that nearly doubles the flushes per second, so a delivery waits for one sync,
   * not for the rest of someone else's plus its own. Batches still resolve in seq order.
   */
  private async flush(): Promise<void> {
    this.flushing = true
    while (this.queue.length > 0 && !this.paused) {
      if (this.syncing.length >= this.maxSyncs) {
        await new Promise<void>((wake) => (this.slotFree = wake))
        continue
      }
      const batch = this.queue
      this.queue = []
      // Seqs are given out only here, in write order, so a failed write leaves no gap behind.
      const firstSeq = this.nextSeq
      let text = ''
      for (let i = 0; i < batch.length; i++) {
        const p = batch[i]!
        text += `{"seq":${firstSeq + i},"at":"${p.at}","kind":${JSON.stringify(p.kind)},"data":${p.dataJson}}\n`
      }
      let file: FileHandle
      try {
        file = await this.writer.write(Buffer.from(text, 'utf8'), Date.parse(batch[0]!.at))
      } catch (error) {
        for (const p of batch) p.reject(error)
        continue
      }
      this.nextSeq += batch.length
      const entry: InFlight = { batch, firstSeq, error: undefined, done: false }
      this.syncing.push(entry)
      this.sync(file).then(
        () => this.synced(entry, undefined),
        (error: unknown) => {
          // What reached the disk is unknown now: refuse everything after it until a restart repairs the tail.
          this.writer.markBroken(error)
          this.synced(entry, error)
        }
      )
    }
    this.flushing = false
    this.settle()
  }

  private synced(entry: InFlight, error: unknown): void {
    entry.done = true
    entry.error = error
    while (this.syncing[0]?.done) {
      const { batch, firstSeq, error: failed } = this.syncing.shift()!
      if (failed !== undefined) for (const p of batch) p.reject(failed)
      else for (let i = 0; i < batch.length; i++) batch[i]!.resolve({ seq: firstSeq + i, at: batch[i]!.at, kind: batch[i]!.kind, data: batch[i]!.data })
    }
    const wake = this.slotFree
    this.slotFree = undefined
    wake?.()
    this.settle()
  }

  private settle(): void {
    if (!this.flushing && this.syncing.length === 0) for (const wake of this.idle.splice(0)) wake()
  }
}
