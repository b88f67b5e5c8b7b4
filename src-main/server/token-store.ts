/**
 * The headless shell's bridge tokens, kept in the data folder so a tab opened before a restart
 * connects again after it. One token today (the owner's); the file holds a list so per-person
 * tokens can join it without a new format.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Logger } from '../core/ports'
import { silentLogger } from '../core/ports'

export const TOKENS_FILE = 'bridge-tokens.json'

const TokenSchema = z.object({ id: z.string().min(1), token: z.string().min(32), createdAt: z.string() })
const FileSchema = z.object({ version: z.literal(1), tokens: z.array(TokenSchema).min(1) })

export type BridgeToken = z.infer<typeof TokenSchema>

export interface TokenStoreOptions {
  dataDir: string
  /** `--new-token`: replace the owner's token, so every link handed out before stops working. */
  rotate?: boolean
  logger?: Logger
  now?: () => Date
}

/** Compares without leaking through timing how much of a guess was right (hashing evens the lengths). */
export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0 || expected.length === 0) return false
  return timingSafeEqual(createHash('sha256').update(expected).digest(), createHash('sha256').update(given).digest())
}

export class TokenStore {
  private constructor(
    private readonly file: string,
    private tokens: BridgeToken[]
  ) {}

  /**
   * Loads the tokens, creating the file (0600) on first use. A file that cannot be read as tokens is
   * kept aside (never deleted) and a new token is made: old links stop working, and the log says why.
   */
  static open(options: TokenStoreOptions): TokenStore {
    const logger = options.logger ?? silentLogger
    const now = options.now ?? (() => new Date())
    const file = join(options.dataDir, TOKENS_FILE)
    let tokens: BridgeToken[] | null = null
    let text: string | null = null
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      text = null
    }
    if (text !== null) {
      try {
        tokens = FileSchema.parse(JSON.parse(text)).tokens
      } catch {
        const aside = `${file}.unreadable-${now().getTime()}`
        renameSync(file, aside)
        logger.warn('the bridge token file could not be read; a new token was made (open the new address)', { keptAt: aside })
      }
    }
    const store = new TokenStore(file, tokens ?? [])
    if (!tokens || options.rotate) {
      store.tokens = [{ id: 'owner', token: newToken(), createdAt: now().toISOString() }, ...store.tokens.filter((t) => t.id !== 'owner')]
      store.save(options.dataDir)
    }
    return store
  }

  /** The owner's token: the one in the printed address. */
  get primary(): BridgeToken {
    return this.tokens[0]!
  }

  /** The token `given` matches, or null. Every token is compared, so timing says nothing about which. */
  verify(given: string | null | undefined): BridgeToken | null {
    let found: BridgeToken | null = null
    for (const entry of this.tokens) if (tokensMatch(entry.token, given)) found = entry
    return found
  }

  private save(dataDir: string): void {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    // A private temp file renamed over the old one: never torn, never readable by others.
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, `${JSON.stringify({ version: 1, tokens: this.tokens }, null, 2)}\n`, { mode: 0o600 })
    chmodSync(tmp, 0o600)
    renameSync(tmp, this.file)
  }
}

function newToken(): string {
  return randomBytes(32).toString('hex')
}
