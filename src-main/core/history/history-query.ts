import { z } from 'zod'
import type { CommandResult, HistoryFilter } from '../../../src-preload/contract'
import type { AgentPhoneClient } from '../agentphone/client'
import type { ApiCallList } from '../agentphone/schemas'
import { CoreError } from '../errors'
import type { AgentDirectory } from '../live/agent-directory'
import type { Logger } from '../ports'
import type { ArchivedCall, CallArchive } from './call-archive'
import { isPhoneQuery, keyOf, matchesRow, rowFromApi, rowFromArchive, type Row } from './history-row'
import type { NotesStore } from './notes-store'

/** AgentPhone pages asked for by one `calls.history` at most, when filters leave pages empty. */
const MAX_REQUESTS = 5

/**
 * Where the walk is: the offset into AgentPhone's list, the sort key of the last row returned
 * (journal-only rows older than it come next), and whether AgentPhone's list is used up.
 */
const CursorSchema = z.object({ o: z.number().int().min(0), b: z.string().nullable(), d: z.boolean() })
type Cursor = z.infer<typeof CursorSchema>

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url')
}

function decodeCursor(text: string | undefined): Cursor {
  if (!text) return { o: 0, b: null, d: false }
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')))
  } catch {
    throw new CoreError('invalid_params', 'That page cursor is not one History gave out: start again from the first page.')
  }
}

export interface HistoryQueryDeps {
  api: AgentPhoneClient
  archive: CallArchive
  notes: NotesStore
  directory: AgentDirectory
  logger: Logger
  now: () => string
  /** Ids AgentPhone has listed: those rows come from its pages, never twice from the journal. */
  seen: { has(id: string): boolean; add(ids: string[]): void; clear(): void }
}

type Page = CommandResult<'calls.history'>

/**
 * One page of History, newest first: AgentPhone's list (its own paging and filters) merged with
 * the calls only the journal knows, each placed where its start time falls. The page holds one
 * AgentPhone page plus the journal-only calls inside its time span, so it can be a little longer
 * than `limit`. When AgentPhone cannot be reached, the journal alone answers, and says so.
 */
export async function historyPage(deps: HistoryQueryDeps, filter: HistoryFilter, cursorText: string | undefined, limit: number): Promise<Page> {
  const cur = decodeCursor(cursorText)
  // A new walk learns AgentPhone's list afresh: a call it has dropped since is the journal's again.
  if (!cursorText) deps.seen.clear()
  const rows: Row[] = []
  let total: number | undefined
  let notice: string | undefined
  const numberPhone = filter.numberId ? await phoneOf(deps, filter.numberId) : null
  const noteText = (callId: string) => deps.notes.get(callId).note
  const fromMs = filter.from ? Date.parse(filter.from) : null
  let requests = 0
  while (rows.length < limit) {
    if (cur.d) {
      const want = limit - rows.length
      const rest = journalOnly(deps, filter, cur.b, null, { numberPhone, noteText }, want + 1)
      const take = rest.slice(0, want)
      rows.push(...take)
      if (take.length) cur.b = take[take.length - 1]!.key
      return finish(rows, rest.length > take.length ? cur : null, total, notice)
    }
    if (requests >= MAX_REQUESTS) break
    let page: ApiCallList
    try {
      page = await fetchPage(deps.api, filter, cur.o, limit)
    } catch (err) {
      // Only the first page falls back: a later failure would silently skip AgentPhone's calls.
      if (cur.o > 0) throw err
      deps.logger.warn('history: AgentPhone could not list calls; showing the journal only', { error: err instanceof Error ? err.message : String(err) })
      notice = 'AgentPhone could not be reached: showing the calls this console recorded.'
      cur.d = true
      continue
    }
    requests++
    const trustServer = !filter.agentId && !filter.numberId
    // AgentPhone's count is the answer unless the journal may hold calls it does not list (then: unknown).
    const serverFiltered = trustServer && !filter.from && !filter.to && (!filter.query || isPhoneQuery(filter.query))
    if (serverFiltered && page.total != null && deps.archive.size.calls <= page.total) total = page.total
    const now = deps.now()
    const fromApi = page.data.map((c) => rowFromApi(c, deps.archive.get(c.id), { directory: deps.directory, notes: deps.notes, now }))
    deps.seen.add(fromApi.map((r) => r.call.id))
    const lower = fromApi.length ? fromApi[fromApi.length - 1]!.key : null
    cur.o += page.data.length
    const pastFrom = fromMs !== null && fromApi.some((r) => Date.parse(r.call.startedAt) < fromMs)
    if (!page.hasMore || page.data.length === 0 || pastFrom) cur.d = true
    const kept = fromApi.filter((r) => matchesRow(r, filter, { numberPhone, noteText, trustServer }))
    const extra = lower === null ? [] : journalOnly(deps, filter, cur.b, lower, { numberPhone, noteText })
    rows.push(...[...kept, ...extra].sort(newestFirst))
    if (lower !== null) cur.b = lower
  }
  return finish(rows, cur, total, notice)
}

function finish(rows: Row[], cur: Cursor | null, total: number | undefined, notice: string | undefined): Page {
  return {
    items: rows.map((r) => r.call),
    nextCursor: cur ? encodeCursor(cur) : null,
    ...(total !== undefined ? { total } : {}),
    ...(notice ? { notice } : {})
  }
}

const newestFirst = (a: Row, b: Row): number => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0)

/**
 * Journal calls AgentPhone has not listed, with keys in [lower, upper), newest first; at most `max`.
 * Keys are cheap: rows (and the filters on them) are built only for the newest candidates.
 */
function journalOnly(deps: HistoryQueryDeps, filter: HistoryFilter, upper: string | null, lower: string | null, ctx: { numberPhone: string | null; noteText: (id: string) => string }, max = Infinity): Row[] {
  const candidates: Array<{ key: string; archived: ArchivedCall }> = []
  for (const archived of deps.archive.allCalls()) {
    if (deps.seen.has(archived.info.id)) continue
    const key = keyOf(archived.info)
    if ((upper !== null && key >= upper) || (lower !== null && key < lower)) continue
    candidates.push({ key, archived })
  }
  candidates.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
  const out: Row[] = []
  for (const { archived } of candidates) {
    if (out.length >= max) break
    const row = rowFromArchive(archived, deps.notes)
    if (matchesRow(row, filter, { ...ctx, trustServer: false })) out.push(row)
  }
  return out
}

function fetchPage(api: AgentPhoneClient, f: HistoryFilter, offset: number, limit: number): Promise<ApiCallList> {
  if (f.agentId) return api.agents.calls(f.agentId, { limit, offset })
  if (f.numberId) return api.numbers.calls(f.numberId, { limit, offset })
  return api.calls.list({
    limit,
    offset,
    ...(f.status ? { status: f.status } : {}),
    ...(f.direction === 'web' ? { type: 'web' as const } : f.direction ? { direction: f.direction } : {}),
    ...(isPhoneQuery(f.query) ? { search: f.query.replace(/[^\d+]/g, '') } : {})
  })
}

/** The number's phone number, so journal-only calls can be matched to it; null when unknown. */
async function phoneOf(deps: HistoryQueryDeps, numberId: string): Promise<string | null> {
  try {
    return (await deps.api.numbers.get(numberId)).phoneNumber
  } catch {
    return null
  }
}
