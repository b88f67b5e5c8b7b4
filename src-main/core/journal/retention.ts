import { stat, unlink } from 'node:fs/promises'
import { firstRecordAt, lastRecordAt, listSegments } from './segments'

/** How much history is on disk. */
export interface JournalStats {
  files: number
  bytes: number
  /** ISO time of the oldest record kept, or null when there is none. */
  oldestAt: string | null
}

/**
 * Removes the journal files whose newest record is older than `cutoffMs`, oldest first, never the
 * one being written (`currentIndex`). Stops at the first file still inside the period: files are in
 * time order, so everything after it is newer.
 */
export async function pruneSegments(dir: string, cutoffMs: number, currentIndex: number): Promise<number> {
  let removed = 0
  for (const segment of await listSegments(dir)) {
    if (segment.index >= currentIndex) break
    const last = await lastRecordAt(segment.path)
    // An empty file (a crash right after rotating) holds nothing to keep.
    if (last !== undefined && last >= cutoffMs) break
    await unlink(segment.path)
    removed++
  }
  return removed
}

export async function journalStats(dir: string): Promise<JournalStats> {
  const segments = await listSegments(dir)
  let bytes = 0
  let oldest: number | undefined
  for (const segment of segments) {
    bytes += (await stat(segment.path)).size
    oldest ??= await firstRecordAt(segment.path)
  }
  return { files: segments.length, bytes, oldestAt: oldest === undefined ? null : new Date(oldest).toISOString() }
}
