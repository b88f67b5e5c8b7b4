import { open, unlink } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { PRIVATE_FILE_MODE } from '../private-files'
import { listSegments, segmentName } from './segments'

/** Limits on one file: its size, and how long it keeps taking records (so retention can drop old days). */
export interface SegmentLimits {
  maxBytes: number
  maxAgeMs: number
}

/**
 * Owns the one journal file being appended to: writes whole batches and moves to a new file when
 * the current one would pass the size limit. Syncing is the journal's job (several may overlap), so
 * `write` hands back the file the batch went into.
 */
export class SegmentWriter {
  private broken: Error | undefined

  private constructor(
    private readonly dir: string,
    private index: number,
    private file: FileHandle,
    private size: number,
    private readonly limits: SegmentLimits,
    /** When the current file's first record was written; undefined while it is empty. */
    private firstAtMs: number | undefined
  ) {}

  static async open(dir: string, index: number, size: number, limits: SegmentLimits, firstAtMs?: number): Promise<SegmentWriter> {
    const file = await openPrivate(dir, index)
    if (size === 0) await syncDir(dir) // a brand-new file must survive a crash too
    return new SegmentWriter(dir, index, file, size, limits, size === 0 ? undefined : firstAtMs)
  }

  /**
   * Appends `bytes` (not yet synced) and returns the file they are in. On failure the file is cut
   * back so no half batch stays behind. Calls must not overlap.
   */
  async write(bytes: Buffer, nowMs: number): Promise<FileHandle> {
    if (this.broken) throw this.broken
    // A batch never straddles two files; one bigger than the limit gets a file of its own. A file
    // also stops taking records after a day, so retention can drop whole files of old days.
    const full = this.size > 0 && this.size + bytes.length > this.limits.maxBytes
    const old = this.size > 0 && this.firstAtMs !== undefined && nowMs - this.firstAtMs >= this.limits.maxAgeMs
    if (full || old) await this.rotate()
    this.firstAtMs ??= nowMs
    const before = this.size
    try {
      let offset = 0
      while (offset < bytes.length) {
        const { bytesWritten } = await this.file.write(bytes, offset, bytes.length - offset)
        offset += bytesWritten
      }
      this.size += bytes.length
      return this.file
    } catch (error) {
      try {
        await this.file.truncate(before)
      } catch {
        // Cannot undo a partial write: refuse further appends rather than bury a torn line mid-file.
        this.broken = new Error(`journal file ${segmentName(this.index)} is damaged; restart to recover`)
      }
      throw error
    }
  }

  /** A sync failed: what is on disk is unknown, so nothing more is appended until a restart repairs it. */
  markBroken(cause: unknown): void {
    this.broken ??= new Error(`journal file ${segmentName(this.index)} could not be synced (${String(cause)}); restart to recover`)
  }

  /** The file being appended to (never removed by retention). */
  get currentIndex(): number {
    return this.index
  }

  private async rotate(): Promise<void> {
    const next = await openPrivate(this.dir, this.index + 1)
    await syncDir(this.dir)
    // close() waits for the syncs still running on the old file, so none is cut short.
    await this.file.close()
    this.file = next
    this.index += 1
    this.size = 0
    this.firstAtMs = undefined
  }

  /** Clear history: removes every file and goes on in a new one (seqs carry on). Nothing may be in flight. */
  async reset(): Promise<number> {
    const segments = await listSegments(this.dir)
    const next = await openPrivate(this.dir, this.index + 1)
    await this.file.close()
    for (const segment of segments) await unlink(segment.path)
    await syncDir(this.dir)
    this.file = next
    this.index += 1
    this.size = 0
    this.firstAtMs = undefined
    this.broken = undefined
    return segments.length
  }

  async close(): Promise<void> {
    await this.file.close()
  }
}

/** Opens a segment for appending, owner-only whatever the umask (open's mode is masked by it). */
async function openPrivate(dir: string, index: number): Promise<FileHandle> {
  const file = await open(join(dir, segmentName(index)), 'a', PRIVATE_FILE_MODE)
  await file.chmod(PRIVATE_FILE_MODE)
  return file
}

/** fsync the folder so a newly created file's directory entry is durable (a no-op where unsupported). */
async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Some platforms (Windows) cannot open or sync a directory; the file data is still synced.
  } finally {
    await handle?.close()
  }
}
