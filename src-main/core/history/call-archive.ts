import type { CallInfo, Message, TranscriptTurn } from '../../../src-preload/contract'

/** Calls kept in memory for History and search; the oldest go first past this. */
export const MAX_ARCHIVED_CALLS = 50_000
/** Transcript lines kept across every call (the search index holds the same lines). */
export const MAX_ARCHIVED_LINES = 150_000
/** A runaway call cannot take the whole budget: lines past this many are not kept. */
const MAX_LINES_PER_CALL = 5_000
export const MAX_ARCHIVED_MESSAGES = 50_000

export interface ArchivedCall {
  info: CallInfo
  lines: TranscriptTurn[]
}

/** What the archive tells its listeners (the search index follows it). */
export type ArchiveChange =
  | { kind: 'line'; callId: string; lineIndex: number; line: TranscriptTurn }
  | { kind: 'message'; message: Message }
  | { kind: 'callDropped'; callId: string; lines: number }
  | { kind: 'messageDropped'; messageId: string }
  | { kind: 'cleared'; keptCallIds: string[] }

/**
 * Every call, line and message the journal holds, in memory, bounded: History merges it with
 * AgentPhone's list and search indexes it. Fed from the journal at start and from the session's
 * events after; nothing here writes anywhere.
 */
export class CallArchive {
  private readonly calls = new Map<string, ArchivedCall>()
  private readonly messages = new Map<string, Message>()
  private lineCount = 0
  private readonly listeners = new Set<(change: ArchiveChange) => void>()

  constructor(private readonly limits: { calls: number; lines: number; messages: number } = { calls: MAX_ARCHIVED_CALLS, lines: MAX_ARCHIVED_LINES, messages: MAX_ARCHIVED_MESSAGES }) {}

  onChange(listener: (change: ArchiveChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get(callId: string): ArchivedCall | undefined {
    return this.calls.get(callId)
  }

  /** Every archived call, in no particular order (History sorts what it needs). */
  allCalls(): IterableIterator<ArchivedCall> {
    return this.calls.values()
  }

  get size(): { calls: number; lines: number; messages: number } {
    return { calls: this.calls.size, lines: this.lineCount, messages: this.messages.size }
  }

  message(id: string): Message | undefined {
    return this.messages.get(id)
  }

  /** A call as the board last showed it: created, updated or ended. */
  putCall(info: CallInfo): void {
    const known = this.calls.get(info.id)
    if (known) {
      known.info = info
      return
    }
    this.calls.set(info.id, { info, lines: [] })
    this.trim()
  }

  addLine(line: TranscriptTurn): void {
    const call = this.calls.get(line.callId)
    // A line can arrive before its call (a hosted stream, a journal read out of order): kept with a stub.
    const target = call ?? this.stub(line)
    if (target.lines.length >= MAX_LINES_PER_CALL || repeats(target.lines, line)) return
    target.lines.push(line)
    this.lineCount++
    this.tell({ kind: 'line', callId: line.callId, lineIndex: target.lines.length - 1, line })
    this.trim()
  }

  addMessage(message: Message): void {
    if (this.messages.has(message.id)) return
    this.messages.set(message.id, message)
    this.tell({ kind: 'message', message })
    while (this.messages.size > this.limits.messages) {
      const oldest = this.messages.keys().next().value as string
      this.messages.delete(oldest)
      this.tell({ kind: 'messageDropped', messageId: oldest })
    }
  }

  /** Clear history: ended calls and every message go; live calls stay with their lines. */
  clearEnded(isLive: (call: CallInfo) => boolean): void {
    for (const [id, call] of this.calls) {
      if (isLive(call.info)) continue
      this.calls.delete(id)
      this.lineCount -= call.lines.length
    }
    this.messages.clear()
    this.tell({ kind: 'cleared', keptCallIds: [...this.calls.keys()] })
  }

  private stub(line: TranscriptTurn): ArchivedCall {
    const stub: ArchivedCall = {
      info: {
        id: line.callId,
        agentId: null,
        agentName: null,
        voiceMode: null,
        direction: 'inbound',
        from: '',
        to: '',
        status: 'in-progress',
        startedAt: line.at,
        endedAt: null,
        lastWords: null,
        answeredBy: 'human',
        waitingTurn: null
      },
      lines: []
    }
    this.calls.set(line.callId, stub)
    return stub
  }

  /** Oldest first (Map order is insertion order, and calls arrive in time order). */
  private trim(): void {
    while (this.calls.size > this.limits.calls || (this.lineCount > this.limits.lines && this.calls.size > 1)) {
      const [id, oldest] = this.calls.entries().next().value as [string, ArchivedCall]
      this.calls.delete(id)
      this.lineCount -= oldest.lines.length
      this.tell({ kind: 'callDropped', callId: id, lines: oldest.lines.length })
    }
  }

  private tell(change: ArchiveChange): void {
    for (const listener of this.listeners) listener(change)
  }
}

/** How far back a line is compared: the journal read at start and the live events can overlap a little. */
const REPEAT_WINDOW = 8

function repeats(lines: readonly TranscriptTurn[], line: TranscriptTurn): boolean {
  for (let i = lines.length - 1; i >= Math.max(0, lines.length - REPEAT_WINDOW); i--) {
    const l = lines[i]!
    if (l.at === line.at && l.speaker === line.speaker && l.text === line.text && l.interim === line.interim && l.source === line.source) return true
  }
  return false
}
