/**
 * Where the simulator's state lives between runs: `<dir>/sandbox-state.json`, folder 0700 and file
 * 0600 whatever the umask (it holds webhook secrets and API keys). Writes are atomic (a temp file,
 * fdatasync, rename), debounced after changes and flushed on stop. A file that cannot be read is
 * renamed aside, never deleted, and the sandbox starts fresh with a clear message.
 */
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Clock, Logger, Timer } from '../ports'
import type { StateDocument } from './state-file'
import { StateSchema } from './state-file'

export const STATE_FILE = 'sandbox-state.json'

export type LoadedState = { kind: 'empty' } | { kind: 'loaded'; doc: ReturnType<typeof StateSchema.parse> } | { kind: 'corrupt'; notice: string }

async function readState(file: string): Promise<LoadedState | { kind: 'unreadable'; reason: string }> {
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'empty' }
    return { kind: 'unreadable', reason: (err as Error).message }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    return { kind: 'unreadable', reason: `it is not JSON (${(err as Error).message})` }
  }
  const parsed = StateSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { kind: 'unreadable', reason: `it does not hold a sandbox state (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'})` }
  }
  return { kind: 'loaded', doc: parsed.data }
}

/** The API keys a state file holds, without touching the file (for picking a key before start). */
export async function savedApiKeys(dir: string): Promise<string[]> {
  const state = await readState(path.join(dir, STATE_FILE))
  return state.kind === 'loaded' ? state.doc.accounts.map((a) => a.apiKey) : []
}

export class StateStore {
  private readonly file: string
  private timer: Timer | null = null
  private writing: Promise<void> = Promise.resolve()
  private seq = 0
  private closed = false

  constructor(
    private readonly o: { dir: string; clock: Clock; logger: Logger; debounceMs: number; snapshot: () => StateDocument }
  ) {
    this.file = path.join(o.dir, STATE_FILE)
  }

  /** Reads the file; one that cannot be read is renamed aside and reported, and the state starts empty. */
  async load(): Promise<LoadedState> {
    const state = await readState(this.file)
    if (state.kind !== 'unreadable') return state
    const stamp = new Date(this.o.clock.now()).toISOString().replace(/[:.]/g, '-')
    const aside = path.join(this.o.dir, `sandbox-state.corrupt-${stamp}.json`)
    await fs.rename(this.file, aside)
    const notice = `The sandbox state file could not be read: ${state.reason}. It was kept as ${aside} and the sandbox started fresh.`
    this.o.logger.error(notice)
    return { kind: 'corrupt', notice }
  }

  /** Something changed: write once things have been quiet for the debounce time. */
  schedule(): void {
    if (this.timer || this.closed) return
    this.timer = this.o.clock.after(this.o.debounceMs, () => {
      this.timer = null
      void this.flush().catch((err: unknown) => this.o.logger.error('could not save the sandbox state', { error: String(err) }))
    })
  }

  /** Writes now (after any write in progress); cancels a pending debounced write. */
  flush(): Promise<void> {
    this.timer?.cancel()
    this.timer = null
    const next = this.writing.catch(() => undefined).then(() => this.write())
    this.writing = next
    return next
  }

  /** The last write; later changes are no longer saved (the simulator stopped). */
  async close(): Promise<void> {
    await this.flush()
    this.closed = true
  }

  private async write(): Promise<void> {
    const doc = this.o.snapshot()
    await fs.mkdir(this.o.dir, { recursive: true, mode: 0o700 })
    await fs.chmod(this.o.dir, 0o700)
    const tmp = `${this.file}.${process.pid}.${++this.seq}.tmp`
    try {
      const handle = await fs.open(tmp, 'w', 0o600)
      try {
        await handle.writeFile(JSON.stringify(doc), 'utf8')
        await handle.datasync()
      } finally {
        await handle.close()
      }
      await fs.chmod(tmp, 0o600)
      await fs.rename(tmp, this.file)
    } catch (err) {
      // The previous state file is untouched; only the half-written temp file goes.
      await fs.rm(tmp, { force: true }).catch(() => undefined)
      throw err
    }
  }
}
