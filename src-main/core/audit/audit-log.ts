/**
 * The hub's activity trail: who answered which turn, who changed settings, webhooks, agents,
 * numbers or the team. Append-only JSON lines in the data folder (0600), bounded: past `maxBytes`
 * the file becomes `audit.1.jsonl` (replacing the one before), so at most twice that is kept.
 * Nothing secret is ever written: entries say *that* a key or link changed, never what it is.
 */
import { appendFile, chmod, readFile, rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { AuditEntry } from '../../../src-preload/contract'
import type { Caller } from '../../../src-preload/command-roles'
import type { Clock, Logger } from '../ports'
import { silentLogger } from '../ports'
import { PRIVATE_FILE_MODE, ensurePrivateDir } from '../private-files'

export const AUDIT_FILE = 'audit.jsonl'
export const AUDIT_PREVIOUS_FILE = 'audit.1.jsonl'
const DEFAULT_MAX_BYTES = 1024 * 1024
const MAX_FIELD = 300

export interface AuditLogOptions {
  dir: string
  clock: Clock
  logger?: Logger
  /** The live file is rolled over past this size (default 1 MiB). */
  maxBytes?: number
}

/** What a command did, in words; `record` adds who and when. */
export interface AuditFact {
  action: string
  target?: string | null
  detail?: string | null
}

const clip = (text: string | null | undefined): string | null => (text == null ? null : text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD - 1)}…` : text)

export class AuditLog {
  private readonly file: string
  private readonly previous: string
  private readonly maxBytes: number
  private readonly logger: Logger
  /** Writes run one after another, so lines never interleave and the size stays known. */
  private chain: Promise<void> = Promise.resolve()
  private size: number | null = null

  constructor(private readonly options: AuditLogOptions) {
    this.file = join(options.dir, AUDIT_FILE)
    this.previous = join(options.dir, AUDIT_PREVIOUS_FILE)
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
    this.logger = options.logger ?? silentLogger
  }

  /** Appends one entry. A failed write is logged, never thrown: the action itself already happened. */
  record(who: Caller, fact: AuditFact): Promise<void> {
    const entry: AuditEntry = {
      at: new Date(this.options.clock.now()).toISOString(),
      who: { id: who.id, name: who.name, role: who.role },
      action: clip(fact.action) ?? '',
      target: clip(fact.target),
      detail: clip(fact.detail)
    }
    const line = `${JSON.stringify(entry)}\n`
    this.chain = this.chain.then(() => this.append(line)).catch((err: unknown) => {
      this.logger.warn('the activity trail could not be written', { error: err instanceof Error ? err.message : String(err) })
    })
    return this.chain
  }

  /** The newest `limit` entries, newest first. Lines that cannot be read are skipped. */
  async recent(limit: number): Promise<AuditEntry[]> {
    await this.chain
    const lines = [...(await readLines(this.previous)), ...(await readLines(this.file))]
    const entries: AuditEntry[] = []
    for (let i = lines.length - 1; i >= 0 && entries.length < limit; i--) {
      try {
        entries.push(JSON.parse(lines[i]!) as AuditEntry)
      } catch {
        // a torn last line (a crash mid-write): skipped, the rest still reads
      }
    }
    return entries
  }

  private async append(line: string): Promise<void> {
    if (this.size === null) {
      await ensurePrivateDir(this.options.dir)
      this.size = await stat(this.file).then((s) => s.size, () => 0)
      // A file from before (or restored from a backup) is made private too.
      if (this.size > 0) await chmod(this.file, PRIVATE_FILE_MODE)
    }
    const bytes = Buffer.byteLength(line)
    if (this.size > 0 && this.size + bytes > this.maxBytes) {
      await rename(this.file, this.previous)
      this.size = 0
    }
    await appendFile(this.file, line, { mode: PRIVATE_FILE_MODE })
    if (this.size === 0) await chmod(this.file, PRIVATE_FILE_MODE)
    this.size += bytes
  }
}

async function readLines(file: string): Promise<string[]> {
  try {
    return (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '')
  } catch {
    return []
  }
}
