import type { BridgeEvent, CallInfo, TranscriptTurn } from '../../../src-preload/contract'
import { deriveOutcome, statusForOutcome, type CallEnd } from './call-outcome'

/** Enough lines to read back a long call; older lines stay in the journal and the API. */
const MAX_LINES_PER_CALL = 2000
/** Ended calls kept on the board's history so the Call view can still open them. */
const MAX_ENDED_CALLS = 200

export type CallPatch = Partial<CallInfo> & { id: string }

/**
 * Where the board writes what it alone knows (lines that came from no webhook, ends, who asked to
 * end) so a restart rebuilds the same history: the journal, in the session.
 */
export type BoardRecorder = (kind: 'line' | 'call.ended' | 'call.endRequested' | 'call.transferTo', data: unknown) => void

/** `persist: false` when the change is rebuilt from elsewhere (a webhook record, the journal itself). */
export interface BoardWrite {
  persist?: boolean
}

/**
 * The live state of every call the console knows about: what the Monitor and the Call view show.
 * Fed by the receiver, the turn broker, the sandbox and the transcript streams; every change goes
 * out as a bridge event, so both shells and every connected browser see the same board.
 */
export class CallBoard {
  private readonly calls = new Map<string, CallInfo>()
  private readonly lines = new Map<string, TranscriptTurn[]>()
  private readonly endedOrder: string[] = []
  /** Calls the person asked to end (End, or a reply that hangs up): their end reads "ended by you". */
  private readonly endRequested = new Set<string>()
  /** Where a transfer the person asked for goes (the agent's transferNumber then). */
  private readonly transfers = new Map<string, string>()
  /** An outbound call's greeting, said once the called party answers. */
  private readonly greetings = new Map<string, string>()

  constructor(
    private readonly emit: (event: BridgeEvent) => void,
    private readonly record: BoardRecorder = () => {},
    private readonly nowIso: () => string = () => new Date().toISOString()
  ) {}

  get(callId: string): CallInfo | undefined {
    return this.calls.get(callId)
  }

  transcript(callId: string): TranscriptTurn[] {
    return this.lines.get(callId) ?? []
  }

  /** Live calls first (those waiting for a human before the rest), then recent history. */
  list(liveOnly: boolean): CallInfo[] {
    const all = [...this.calls.values()].filter((c) => !liveOnly || isLive(c))
    return all.sort(compareCalls)
  }

  /** Creates or updates a call; emits `call.started` the first time, `call.updated` after. */
  upsert(patch: CallPatch, defaults?: Omit<CallInfo, 'id'>): CallInfo {
    const known = this.calls.get(patch.id)
    if (!known) {
      if (!defaults) throw new Error(`unknown call ${patch.id}`)
      const created: CallInfo = { ...defaults, ...patch }
      this.calls.set(created.id, created)
      this.emit({ event: 'call.started', data: created })
      // A call that arrives already over (read back from the journal) counts towards the history bound.
      if (!isLive(created)) this.keepEnded(created.id)
      return created
    }
    // A call that is over stays as it ended: a late update (a replay, a slow poll) changes nothing.
    if (!isLive(known)) return known
    const updated: CallInfo = { ...known, ...patch }
    if (sameCall(known, updated)) return known
    this.calls.set(updated.id, updated)
    this.emit({ event: 'call.updated', data: updated })
    // The called party answered: the greeting is what they hear first.
    if (known.status === 'ringing' && updated.status === 'in-progress') this.sayGreeting(updated.id)
    return updated
  }

  /** Appends one utterance. Interim agent lines count as last words too: the caller heard them. */
  addLine(turn: TranscriptTurn, write: BoardWrite = {}): void {
    const call = this.calls.get(turn.callId)
    // Nothing is added to a call that is over, except the line saying how it ended.
    if (call && !isLive(call) && turn.speaker !== 'system') return
    const lines = this.lines.get(turn.callId) ?? []
    lines.push(turn)
    if (lines.length > MAX_LINES_PER_CALL) lines.splice(0, lines.length - MAX_LINES_PER_CALL)
    this.lines.set(turn.callId, lines)
    if (write.persist !== false) this.record('line', turn)
    this.emit({ event: 'transcript.turn', data: turn })
    if (call && turn.text && turn.speaker !== 'system') this.upsert({ id: turn.callId, lastWords: turn.text })
  }

  /** The person asked to end this call; its end will read "ended by you". */
  noteEndRequested(callId: string, write: BoardWrite = {}): void {
    if (this.endRequested.has(callId)) return
    this.endRequested.add(callId)
    if (write.persist !== false) this.record('call.endRequested', { callId })
  }

  /** The person transferred this call to `number`: its end reads "Transferred to <number>". */
  noteTransfer(callId: string, number: string, write: BoardWrite = {}): void {
    this.transfers.set(callId, number)
    if (write.persist !== false) this.record('call.transferTo', { callId, number })
  }

  /**
   * An outbound call's greeting (`initialGreeting`, else the agent's begin message): added to the
   * transcript now if the call is answered already, else when it is. An empty greeting says nothing.
   */
  setGreeting(callId: string, text: string): void {
    if (!text) return
    // Kept in memory only: once said, the greeting is a journaled line like any other.
    this.greetings.set(callId, text)
    const call = this.calls.get(callId)
    if (call?.status === 'in-progress') this.sayGreeting(callId)
  }

  private sayGreeting(callId: string): void {
    const text = this.greetings.get(callId)
    if (!text) return
    this.greetings.delete(callId)
    this.addLine({ callId, speaker: 'agent', text, at: this.nowIso(), source: 'greeting' })
  }

  /** Clear history: forgets every ended call and its lines; live calls stay. */
  clearEnded(): number {
    const ended = [...this.calls.values()].filter((c) => !isLive(c)).map((c) => c.id)
    for (const id of ended) {
      this.calls.delete(id)
      this.lines.delete(id)
    }
    this.endedOrder.length = 0
    return ended.length
  }

  /**
   * Marks a call ended once, with how it ended (a line in its transcript too); a second end (the
   * webhook after our own hang-up) changes nothing.
   */
  end(callId: string, end: CallEnd, write: BoardWrite = {}): CallInfo | undefined {
    const call = this.calls.get(callId)
    if (!call || !isLive(call)) return call
    // The number the person transferred to wins over the agent's current one (it may change again).
    const outcome = deriveOutcome({ ...end, transferTo: this.transfers.get(callId) ?? end.transferTo ?? null }, call.direction, this.endRequested.has(callId))
    const ended: CallInfo = { ...call, status: statusForOutcome(outcome.kind), endedAt: end.endedAt, waitingTurn: null, outcome }
    this.calls.set(callId, ended)
    this.endRequested.delete(callId)
    this.transfers.delete(callId)
    this.greetings.delete(callId)
    if (write.persist !== false) this.record('call.ended', { callId, ...end })
    this.addLine({ callId, speaker: 'system', text: outcome.label, at: end.endedAt, source: 'outcome' }, { persist: false })
    this.emit({ event: 'call.ended', data: ended })
    this.keepEnded(callId)
    return ended
  }

  private keepEnded(callId: string): void {
    this.endedOrder.push(callId)
    while (this.endedOrder.length > MAX_ENDED_CALLS) {
      const old = this.endedOrder.shift()!
      this.calls.delete(old)
      this.lines.delete(old)
    }
  }
}

export function isLive(call: CallInfo): boolean {
  return call.status === 'ringing' || call.status === 'in-progress' || call.status === 'ending'
}

function compareCalls(a: CallInfo, b: CallInfo): number {
  const liveDiff = Number(isLive(b)) - Number(isLive(a))
  if (liveDiff) return liveDiff
  if (a.waitingTurn && b.waitingTurn) return a.waitingTurn.deadline.localeCompare(b.waitingTurn.deadline)
  if (a.waitingTurn || b.waitingTurn) return a.waitingTurn ? -1 : 1
  return b.startedAt.localeCompare(a.startedAt)
}

/** Field by field: every transcript line patches `lastWords`, so this runs on the hot path. */
function sameCall(a: CallInfo, b: CallInfo): boolean {
  for (const key of Object.keys(b) as Array<keyof CallInfo>) {
    if (key === 'waitingTurn') {
      const x = a.waitingTurn
      const y = b.waitingTurn
      if (x === y) continue
      if (!x || !y || x.turnId !== y.turnId || x.deadline !== y.deadline || x.transcript !== y.transcript || x.claimedBy !== y.claimedBy || x.claimedById !== y.claimedById) return false
    } else if (a[key] !== b[key]) return false
  }
  return true
}
