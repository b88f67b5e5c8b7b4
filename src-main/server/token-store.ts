/**
 * The headless hub's links, kept in the data folder (`bridge-tokens.json`, 0600) so a tab opened
 * before a restart connects again after it. The owner's token, and one per person with their name
 * and role (operator or admin), each revocable and rotatable on its own.
 *
 * People's tokens are stored only as SHA-256 hashes: their link is shown once, when it is issued or
 * rotated, and a copy of this file opens nothing. (The tokens are 256 random bits, so a plain hash
 * cannot be reversed or guessed; no slow KDF is needed.) The owner's token is kept as it is, because
 * the hub prints the owner's link on every start — a stable address is the point of the file — and
 * whoever can read this folder can read secrets.json, the API key itself, anyway.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Caller } from '../../src-preload/command-roles'
import type { Logger } from '../core/ports'
import { silentLogger } from '../core/ports'

export const TOKENS_FILE = 'bridge-tokens.json'
export const OWNER_ID = 'owner'

const V1Schema = z.object({ version: z.literal(1), tokens: z.array(z.object({ id: z.string().min(1), token: z.string().min(32), createdAt: z.string() })).min(1) })
const OwnerSchema = z.object({ name: z.string().min(1), token: z.string().min(32), createdAt: z.string(), rotatedAt: z.string().nullable() })
const PersonSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  role: z.enum(['operator', 'admin']),
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  rotatedAt: z.string().nullable()
})
const V2Schema = z.object({ version: z.literal(2), owner: OwnerSchema, people: z.array(PersonSchema) })

type Owner = z.infer<typeof OwnerSchema>
export type Person = z.infer<typeof PersonSchema>
export type IssuedRole = Person['role']
/** One link as the team list shows it: never its token or hash. */
export type LinkRecord = { id: string; name: string; role: Caller['role']; createdAt: string; rotatedAt: string | null }

export interface TokenStoreOptions {
  dataDir: string
  /** `--new-token`: replace the owner's token, so the owner's link handed out before stops working. */
  rotate?: boolean
  logger?: Logger
  now?: () => Date
}

const sha256 = (text: string): Buffer => createHash('sha256').update(text).digest()

/** Compares without leaking through timing how much of a guess was right (hashing evens the lengths). */
export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0 || expected.length === 0) return false
  return timingSafeEqual(sha256(expected), sha256(given))
}

const newToken = (): string => randomBytes(32).toString('hex')

export class TokenStore {
  private constructor(
    private readonly file: string,
    private readonly dataDir: string,
    private readonly now: () => Date,
    private owner: Owner,
    private people: Person[]
  ) {}

  /**
   * Loads the links, creating the file (0600) on first use and upgrading the one-token file of
   * earlier versions. A file that cannot be read is kept aside (never deleted) and a new owner token
   * is made: every link stops working, and the log says why.
   */
  static open(options: TokenStoreOptions): TokenStore {
    const logger = options.logger ?? silentLogger
    const now = options.now ?? (() => new Date())
    const file = join(options.dataDir, TOKENS_FILE)
    let text: string | null = null
    try {
      text = readFileSync(file, 'utf8')
    } catch {
      text = null
    }
    let loaded: { owner: Owner; people: Person[]; upgraded: boolean } | null = null
    if (text !== null) {
      try {
        loaded = parseFile(JSON.parse(text))
      } catch {
        const aside = `${file}.unreadable-${now().getTime()}`
        renameSync(file, aside)
        logger.warn('the bridge token file could not be read; a new token was made (open the new address)', { keptAt: aside })
      }
    }
    const fresh: Owner = { name: 'Owner', token: newToken(), createdAt: now().toISOString(), rotatedAt: null }
    const store = new TokenStore(file, options.dataDir, now, loaded?.owner ?? fresh, loaded?.people ?? [])
    if (!loaded || options.rotate || loaded.upgraded) {
      if (loaded && options.rotate) store.owner = { ...store.owner, token: newToken(), rotatedAt: now().toISOString() }
      store.save()
    }
    return store
  }

  /** The owner's token: the one in the printed address. */
  get primary(): { id: string; token: string; createdAt: string } {
    return { id: OWNER_ID, token: this.owner.token, createdAt: this.owner.createdAt }
  }

  /** Who `given` opens the bridge for, or null. Every link is compared, so timing says nothing about which. */
  verify(given: string | null | undefined): Caller | null {
    if (typeof given !== 'string' || given.length === 0) return null
    let found: Caller | null = tokensMatch(this.owner.token, given) ? this.callerOf(OWNER_ID) : null
    const hash = sha256(given)
    for (const person of this.people) if (timingSafeEqual(Buffer.from(person.tokenHash, 'hex'), hash)) found = this.callerOf(person.id)
    return found
  }

  /** The person as they are now (a role change applies at once); null once their link is revoked. */
  callerOf(id: string): Caller | null {
    if (id === OWNER_ID) return { id: OWNER_ID, name: this.owner.name, role: 'owner', local: false }
    const person = this.people.find((p) => p.id === id)
    return person ? { id: person.id, name: person.name, role: person.role, local: false } : null
  }

  /** Every link, the owner first. */
  list(): LinkRecord[] {
    const { name, createdAt, rotatedAt } = this.owner
    return [{ id: OWNER_ID, name, role: 'owner', createdAt, rotatedAt }, ...this.people.map(({ id, name: n, role, createdAt: c, rotatedAt: r }) => ({ id, name: n, role, createdAt: c, rotatedAt: r }))]
  }

  /** A new personal link; the token is answered here once and only its hash is kept. */
  issue(name: string, role: IssuedRole): { link: LinkRecord; token: string } {
    const token = newToken()
    const person: Person = { id: `p_${randomBytes(8).toString('hex')}`, name, role, tokenHash: sha256(token).toString('hex'), createdAt: this.now().toISOString(), rotatedAt: null }
    this.people = [...this.people, person]
    this.save()
    return { link: this.record(person.id)!, token }
  }

  /** A new token for the same person; the old one stops working now. */
  rotate(id: string): { link: LinkRecord; token: string } | null {
    const token = newToken()
    const at = this.now().toISOString()
    if (id === OWNER_ID) this.owner = { ...this.owner, token, rotatedAt: at }
    else if (this.people.some((p) => p.id === id)) this.people = this.people.map((p) => (p.id === id ? { ...p, tokenHash: sha256(token).toString('hex'), rotatedAt: at } : p))
    else return null
    this.save()
    return { link: this.record(id)!, token }
  }

  /** Removes the person's link; false when there is no such person (the owner's cannot be revoked). */
  revoke(id: string): boolean {
    const before = this.people.length
    this.people = this.people.filter((p) => p.id !== id)
    if (this.people.length === before) return false
    this.save()
    return true
  }

  update(id: string, change: { name?: string; role?: IssuedRole }): LinkRecord | null {
    if (id === OWNER_ID) {
      if (change.name !== undefined) this.owner = { ...this.owner, name: change.name }
    } else if (this.people.some((p) => p.id === id)) {
      this.people = this.people.map((p) => (p.id === id ? { ...p, ...(change.name !== undefined ? { name: change.name } : {}), ...(change.role ? { role: change.role } : {}) } : p))
    } else return null
    this.save()
    return this.record(id)
  }

  record(id: string): LinkRecord | null {
    return this.list().find((l) => l.id === id) ?? null
  }

  private save(): void {
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 })
    // A private temp file renamed over the old one: never torn, never readable by others.
    const tmp = `${this.file}.${process.pid}.tmp`
    writeFileSync(tmp, `${JSON.stringify({ version: 2, owner: this.owner, people: this.people }, null, 2)}\n`, { mode: 0o600 })
    chmodSync(tmp, 0o600)
    renameSync(tmp, this.file)
  }
}

/** Reads either version; the first token of a version-1 file is the owner's. */
function parseFile(json: unknown): { owner: Owner; people: Person[]; upgraded: boolean } {
  if ((json as { version?: unknown })?.version === 1) {
    const first = V1Schema.parse(json).tokens[0]!
    return { owner: { name: 'Owner', token: first.token, createdAt: first.createdAt, rotatedAt: null }, people: [], upgraded: true }
  }
  const v2 = V2Schema.parse(json)
  return { owner: v2.owner, people: v2.people, upgraded: false }
}
