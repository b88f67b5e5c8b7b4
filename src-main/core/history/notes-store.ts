import { readFile, rename } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import type { CallNote } from '../../../src-preload/contract'
import type { Logger } from '../ports'
import { writePrivateFileAtomically } from '../private-files'

const FILE = 'call-notes.json'

const EntrySchema = z.object({ note: z.string(), tags: z.array(z.string()), updatedAt: z.string() })
const FileSchema = z.object({ version: z.literal(1), calls: z.record(z.string(), EntrySchema) })
type Entry = z.infer<typeof EntrySchema>

/**
 * Notes and tags on calls, kept on this machine only (`call-notes.json` in the data folder, 0600).
 * Each change rewrites the file atomically (a temp file, fdatasync, rename), one write at a time,
 * so a crash leaves the old file or the new one, never half of one.
 */
export class NotesStore {
  private readonly entries = new Map<string, Entry>()
  private writing: Promise<void> = Promise.resolve()

  private constructor(private readonly file: string) {}

  static async open(dataDir: string, logger: Logger): Promise<NotesStore> {
    const store = new NotesStore(path.join(dataDir, FILE))
    let text: string | null = null
    try {
      text = await readFile(store.file, 'utf8')
    } catch (err) {
      // Notes are an extra: one that cannot be read (permissions) must not stop the app starting.
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') logger.error('notes: call-notes.json could not be read; notes start empty', { error: err instanceof Error ? err.message : String(err) })
    }
    if (text !== null) {
      const parsed = FileSchema.safeParse(safeJson(text))
      if (!parsed.success) {
        // Never overwritten: a file we cannot read is kept aside for the person to look at.
        const aside = store.file.replace(/\.json$/, `.corrupt-${Date.now()}.json`)
        await rename(store.file, aside)
        logger.error('notes: call-notes.json could not be read; it was kept aside and notes start empty', { aside })
      } else for (const [callId, entry] of Object.entries(parsed.data.calls)) store.entries.set(callId, entry)
    }
    return store
  }

  get(callId: string): CallNote {
    const e = this.entries.get(callId)
    return { callId, note: e?.note ?? '', tags: e?.tags ?? [], updatedAt: e?.updatedAt ?? null }
  }

  callIds(): string[] {
    return [...this.entries.keys()]
  }

  /** Replaces what was there; an empty note with no tags removes the entry. Resolves once on disk. */
  async set(callId: string, change: { note?: string; tags?: string[] }, at: string): Promise<CallNote> {
    const before = this.get(callId)
    const note = change.note ?? before.note
    const tags = change.tags ? uniqueTags(change.tags) : before.tags
    if (!note.trim() && tags.length === 0) this.entries.delete(callId)
    else this.entries.set(callId, { note, tags, updatedAt: at })
    await this.persist()
    return this.get(callId)
  }

  /** Every tag in use, most used first. */
  tags(): Array<{ tag: string; calls: number }> {
    const counts = new Map<string, number>()
    for (const e of this.entries.values()) for (const t of e.tags) counts.set(t, (counts.get(t) ?? 0) + 1)
    return [...counts].map(([tag, calls]) => ({ tag, calls })).sort((a, b) => b.calls - a.calls || a.tag.localeCompare(b.tag))
  }

  private persist(): Promise<void> {
    const doc = { version: 1 as const, calls: Object.fromEntries(this.entries) }
    const next = this.writing.catch(() => undefined).then(() => writePrivateFileAtomically(this.file, JSON.stringify(doc)))
    this.writing = next
    return next
  }
}

/** Tags compare without case: "Refund" and "refund" are one tag, kept as first written. */
function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const t of tags.map((t) => t.trim()).filter(Boolean)) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t)
  return [...seen.values()]
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
