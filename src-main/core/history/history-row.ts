import type { CallInfo, HistoryCall, HistoryFilter } from '../../../src-preload/contract'
import type { ApiCall } from '../agentphone/schemas'
import { isFinalStatus } from '../agentphone/resources/calls'
import type { AgentDirectory } from '../live/agent-directory'
import { isLive } from '../live/call-board'
import { callInfoFromApi } from '../live/call-info'
import { deriveOutcome, statusForOutcome } from '../live/call-outcome'
import type { ArchivedCall } from './call-archive'
import type { NotesStore } from './notes-store'
import { respondersOf } from '../../../src-preload/responders'

/** A row with what its filters need: AgentPhone's own status word and the number id when known. */
export interface Row {
  call: HistoryCall
  rawStatus: string | null
  numberId: string | null
  /** Sort key, newest first: the start time, then the id (two calls can start in the same ms). */
  key: string
}

export function sortKey(startedAt: string, id: string): string {
  const ms = Date.parse(startedAt)
  return `${Number.isNaN(ms) ? startedAt : new Date(ms).toISOString()}|${id}`
}

/** Every page walks the whole archive: a call's key is worked out once per version of the call. */
const keys = new WeakMap<CallInfo, string>()
export function keyOf(info: CallInfo): string {
  let key = keys.get(info)
  if (key === undefined) keys.set(info, (key = sortKey(info.startedAt, info.id)))
  return key
}

function seconds(startedAt: string, endedAt: string | null): number | null {
  if (!endedAt) return null
  const ms = Date.parse(endedAt) - Date.parse(startedAt)
  return Number.isFinite(ms) && ms >= 0 ? Math.round(ms / 1000) : null
}

function decorate(info: CallInfo, lines: ArchivedCall['lines'], notes: NotesStore, extra: Pick<HistoryCall, 'durationSeconds' | 'hasRecording' | 'known'>): HistoryCall {
  const note = notes.get(info.id)
  return { ...info, waitingTurn: null, ...extra, responders: respondersOf(info, lines), tags: note.tags, hasNote: note.note.trim() !== '' }
}

/** A call AgentPhone listed, with what the journal adds (outcome, who answered, the agent's name). */
export function rowFromApi(api: ApiCall, archived: ArchivedCall | undefined, deps: { directory: AgentDirectory; notes: NotesStore; now: string }): Row {
  const agent = deps.directory.get(api.agentId)
  const fromApi = callInfoFromApi(api, agent, deps.now)
  let info: CallInfo = archived ? { ...archived.info, startedAt: fromApi.startedAt } : fromApi
  const raw = api.status ?? null
  // AgentPhone knows the end before the journal does (or the journal never heard it).
  if (raw && isFinalStatus(raw) && (!archived || isLive(archived.info))) {
    const outcome = deriveOutcome({ endedAt: api.endedAt ?? deps.now, status: raw, reason: null }, info.direction, false)
    info = { ...info, status: statusForOutcome(outcome.kind), endedAt: api.endedAt ?? info.endedAt, outcome }
  }
  if (!info.agentName && agent) info = { ...info, agentName: agent.name, voiceMode: info.voiceMode ?? agent.voiceMode }
  const durationSeconds = api.durationSeconds ?? seconds(info.startedAt, info.endedAt)
  const call = decorate(info, archived?.lines ?? [], deps.notes, { durationSeconds, hasRecording: api.recordingAvailable ?? null, known: archived ? 'both' : 'api' })
  return { call, rawStatus: raw, numberId: api.phoneNumberId ?? null, key: sortKey(call.startedAt, call.id) }
}

/** A call only the journal knows. */
export function rowFromArchive(archived: ArchivedCall, notes: NotesStore): Row {
  const info = archived.info
  const call = decorate(info, archived.lines, notes, { durationSeconds: seconds(info.startedAt, info.endedAt), hasRecording: null, known: 'journal' })
  return { call, rawStatus: null, numberId: null, key: keyOf(info) }
}

/** Only digits and phone punctuation: AgentPhone's `search` (a substring of either number). */
export function isPhoneQuery(query: string | undefined): query is string {
  return query !== undefined && /^[\d\s()+.-]+$/.test(query) && /\d/.test(query)
}

/** The filters AgentPhone could not apply (or did not, for a journal-only call), checked here. */
export function matchesRow(row: Row, f: HistoryFilter, ctx: { numberPhone: string | null; noteText: (callId: string) => string; trustServer: boolean }): boolean {
  const c = row.call
  if (!ctx.trustServer) {
    if (f.status && !statusMatches(row, f.status)) return false
    if (f.direction && c.direction !== f.direction) return false
    if (isPhoneQuery(f.query) && !phoneMatches(c, f.query)) return false
  }
  if (f.agentId && c.agentId !== f.agentId) return false
  if (f.numberId && row.numberId !== f.numberId && (row.numberId !== null || !ctx.numberPhone || (c.from !== ctx.numberPhone && c.to !== ctx.numberPhone))) return false
  const started = Date.parse(c.startedAt)
  if (f.from && started < Date.parse(f.from)) return false
  if (f.to && started >= Date.parse(f.to)) return false
  if (f.query && !isPhoneQuery(f.query) && !textMatches(c, f.query, ctx.noteText(c.id))) return false
  return true
}

function statusMatches(row: Row, status: NonNullable<HistoryFilter['status']>): boolean {
  if (row.rawStatus) return row.rawStatus === status
  const kind = row.call.outcome?.kind
  if (status === 'busy') return kind === 'busy'
  if (status === 'no-answer') return kind === 'no_answer'
  if (status === 'failed') return row.call.status === 'failed' && kind !== 'busy' && kind !== 'no_answer'
  return row.call.status === status
}

function phoneMatches(c: HistoryCall, query: string): boolean {
  const digits = query.replace(/\D/g, '')
  return c.from.replace(/\D/g, '').includes(digits) || c.to.replace(/\D/g, '').includes(digits)
}

function textMatches(c: HistoryCall, query: string, note: string): boolean {
  const q = query.toLowerCase()
  const fields = [c.agentName ?? '', c.outcome?.label ?? '', note, ...c.tags, ...c.responders, c.id]
  return fields.some((f) => f.toLowerCase().includes(q))
}
