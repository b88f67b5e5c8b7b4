import { IndexSegments } from './index-segments'
import type { SearchHit } from '../../../src-preload/contract'
import type { ArchiveChange, CallArchive } from './call-archive'
import { hasEveryTerm, queryTerms, snippetOf } from './match-ranges'

type Doc = { kind: 'line'; callId: string; lineIndex: number } | { kind: 'message'; messageId: string } | { kind: 'note'; callId: string }

/** What a note looks like to the index: the text, and when it was written. */
export type NoteLookup = (callId: string) => { text: string; at: string } | undefined

/**
 * Full-text search over every transcript line, message and note the archive holds. FlexSearch does
 * the indexing (forward tokens: "ord" finds "order"; accents folded); the texts themselves stay in
 * the archive, so the index holds ids only. It follows the archive's changes, so memory follows
 * the archive's bounds.
 */
export class SearchIndex {
  private index = new IndexSegments((id) => this.textOf(id))
  private readonly docs = new Map<number, Doc>()
  private readonly byCall = new Map<string, number[]>()
  private readonly byMessage = new Map<string, number>()
  private readonly byNote = new Map<string, number>()
  private nextId = 1
  /** Documents waiting to be indexed: added a batch per tick, so a big journal never blocks the core. */
  private pending: Array<{ id: number; text: string }> = []
  private draining = false
  private stopped = false

  constructor(
    private readonly archive: CallArchive,
    private readonly note: NoteLookup
  ) {}

  /** Keeps the index in step with the archive from now on. */
  follow(): () => void {
    return this.archive.onChange((change) => this.apply(change))
  }

  get counts(): { lines: number; messages: number } {
    let lines = 0
    for (const ids of this.byCall.values()) lines += ids.length
    return { lines, messages: this.byMessage.size }
  }

  /** A note was written or removed: its text replaces the old one in the index. */
  noteChanged(callId: string): void {
    const old = this.byNote.get(callId)
    if (old !== undefined) this.drop(old)
    this.byNote.delete(callId)
    const note = this.note(callId)
    if (!note?.text.trim()) return
    const id = this.add({ kind: 'note', callId }, note.text)
    this.byNote.set(callId, id)
  }

  /** Whether every document handed in so far can be found (false while a start's backlog is indexed). */
  get ready(): boolean {
    return this.pending.length === 0
  }

  /** The best hits for `text`, each with a snippet and the match's ranges in it. */
  query(text: string, limit: number): SearchHit[] {
    // A short backlog (what arrived since the last tick) is indexed now, so a query sees it.
    if (this.pending.length <= FLUSH_ON_QUERY) this.drain(this.pending.length)
    const terms = queryTerms(text)
    if (terms.length === 0) return []
    const hits: SearchHit[] = []
    for (const id of this.candidates(terms, limit)) {
      const hit = this.toHit(id, terms)
      if (hit) hits.push(hit)
      if (hits.length >= limit) break
    }
    return hits
  }

  /**
   * Ids for all of `terms`, best first. FlexSearch's own intersection of several common words is its
   * slow case (p50 30 ms, p95 over 100 ms for three words at 100,000 lines, measured here), while
   * one word's whole list comes back in about a millisecond: so each word's list is fetched, the
   * shortest is walked in its order, and each line is checked for the other words, until enough.
   */
  private candidates(terms: string[], limit: number): number[] {
    if (terms.length === 1) return this.index.search(terms[0]!, limit)
    const lists = terms.map((t) => this.index.search(t, ALL)).sort((a, b) => a.length - b.length)
    let walk = lists[0]!
    // A long shortest list: keep only the ids the next list has too, before reading any text.
    if (walk.length > CHECK_DIRECTLY) {
      const next = new Set(lists[1])
      walk = walk.filter((id) => next.has(id))
    }
    const out: number[] = []
    for (const id of walk) {
      const text = this.textOf(id)
      if (text !== null && hasEveryTerm(text, terms)) out.push(id)
      if (out.length >= limit) break
    }
    return out
  }

  private textOf(id: number): string | null {
    const doc = this.docs.get(id)
    if (!doc) return null
    if (doc.kind === 'message') return this.archive.message(doc.messageId)?.body ?? null
    if (doc.kind === 'note') return this.note(doc.callId)?.text ?? null
    return this.archive.get(doc.callId)?.lines[doc.lineIndex]?.text ?? null
  }

  private apply(change: ArchiveChange): void {
    switch (change.kind) {
      case 'line': {
        if (!change.line.text.trim() || change.line.speaker === 'system') return
        const id = this.add({ kind: 'line', callId: change.callId, lineIndex: change.lineIndex }, change.line.text)
        const ids = this.byCall.get(change.callId)
        if (ids) ids.push(id)
        else this.byCall.set(change.callId, [id])
        return
      }
      case 'message': {
        if (!change.message.body.trim()) return
        this.byMessage.set(change.message.id, this.add({ kind: 'message', messageId: change.message.id }, change.message.body))
        return
      }
      case 'callDropped': {
        for (const id of this.byCall.get(change.callId) ?? []) this.drop(id)
        this.byCall.delete(change.callId)
        return
      }
      case 'messageDropped': {
        const id = this.byMessage.get(change.messageId)
        if (id !== undefined) this.drop(id)
        this.byMessage.delete(change.messageId)
        return
      }
      case 'cleared':
        return this.rebuild(change.keptCallIds)
    }
  }

  /** Clear history drops most of the index at once: building the rest anew is cheaper than removing. */
  private rebuild(keptCallIds: readonly string[]): void {
    this.index = new IndexSegments((id) => this.textOf(id))
    this.pending = []
    this.docs.clear()
    this.byCall.clear()
    this.byMessage.clear()
    const notes = [...this.byNote.keys()]
    this.byNote.clear()
    for (const callId of keptCallIds) {
      const lines = this.archive.get(callId)?.lines ?? []
      lines.forEach((line, lineIndex) => this.apply({ kind: 'line', callId, lineIndex, line }))
    }
    for (const callId of notes) this.noteChanged(callId)
  }

  private add(doc: Doc, text: string): number {
    const id = this.nextId++
    this.docs.set(id, doc)
    this.pending.push({ id, text })
    if (!this.draining && !this.stopped) {
      this.draining = true
      setImmediate(this.tick)
    }
    return id
  }

  /** No more indexing in the background (the session stopped). */
  stop(): void {
    this.stopped = true
    this.pending = []
  }

  private readonly tick = (): void => {
    if (this.stopped) return
    this.drain(BATCH)
    if (this.pending.length > 0) setImmediate(this.tick)
    else this.draining = false
  }

  private drain(count: number): void {
    const batch = this.pending.splice(0, count)
    // A document dropped before its turn came (its call left the archive) is skipped.
    for (const { id, text } of batch) if (this.docs.has(id)) this.index.add(id, text)
  }

  private drop(id: number): void {
    this.docs.delete(id)
    this.index.remove(id, this.nextId - 1)
  }

  private toHit(id: number, terms: string[]): SearchHit | null {
    const doc = this.docs.get(id)
    if (!doc) return null
    if (doc.kind === 'message') {
      const m = this.archive.message(doc.messageId)
      if (!m) return null
      return { kind: 'message', ...(m.conversationId ? { conversationId: m.conversationId } : {}), at: m.at, who: m.direction === 'inbound' ? 'Text received' : 'Text sent', party: m.direction === 'inbound' ? m.from : m.to, ...snippetOf(m.body, terms) }
    }
    const call = this.archive.get(doc.callId)
    const party = call ? (call.info.direction === 'outbound' ? call.info.to : call.info.from) || null : null
    if (doc.kind === 'note') {
      const note = this.note(doc.callId)
      if (!note) return null
      return { kind: 'call', callId: doc.callId, at: note.at, who: 'Note', party, ...snippetOf(note.text, terms) }
    }
    const line = call?.lines[doc.lineIndex]
    if (!line) return null
    // The far end keeps the name the console gives it: an outbound call's is the person called.
    const far = call?.info.direction === 'outbound' ? 'Person called' : 'Caller'
    const who = line.speaker === 'caller' ? far : line.by ? `Agent (${line.by})` : 'Agent'
    return { kind: 'call', callId: doc.callId, lineIndex: doc.lineIndex, at: line.at, who, party, ...snippetOf(line.text, terms) }
  }
}

/** Every id a word has (the archive's bound is far below this). */
const ALL = 1_000_000
/** A shortest list up to this long is checked line by line; a longer one is intersected first. */
const CHECK_DIRECTLY = 5_000

/** Documents indexed per tick (a few milliseconds of work). */
const BATCH = 200
const FLUSH_ON_QUERY = 5_000
