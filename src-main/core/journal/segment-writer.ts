import { open } from 'node:fs/promises'
import type { FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { segmentName } from './segments'

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
    private readonly maxBytes: number
  ) {}

  static async open(dir: string, index: number, size: number, maxBytes: number): Promise<SegmentWriter> {
    const file = await open(join(dir, segmentName(index)), 'a')
    if (size === 0) await syncDir(dir) // a brand-new file must survive a crash too
    return new SegmentWriter(dir, index, file, size, maxBytes)
  }

  /**
   * Appends `bytes` (not yet synced) and returns the file they are in. On failure the file is cut
   * back so no half batch stays behind. Calls must not overlap.
   */
  async write(bytes: Buffer): Promise<FileHandle> {
    if (this.broken) throw this.broken
    // A batch never straddles two files; one bigger than the limit gets a file of its own.
    if (this.size > 0 && this.size + bytes.length > this.maxBytes) await this.rotate()
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

  private async rotate(): Promise<void> {
    const next = await open(join(this.dir, segmentName(this.index + 1)), 'a')
    await syncDir(this.dir)
    // close() waits for the syncs still running on the old file, so none is cut short.
    await this.file.close()
    this.file = next
    this.index += 1
    this.size = 0
  }

  async close(): Promise<void> {
    await this.file.close()
  }
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
