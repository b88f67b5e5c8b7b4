import type { CommandParams, HistoryCall, HistoryFilter, TranscriptTurn } from '../../../src-preload/contract'
import { CoreError } from '../errors'
import { callAsJson, callAsText, csvHeader, csvRow, redactor } from '../history/call-export'
import { historyPage, type HistoryQueryDeps } from '../history/history-query'
import { rowFromApi, rowFromArchive } from '../history/history-row'
import type { HistoryService } from '../history/history-service'
import { transcriptFromApi } from '../live/call-info'
import type { SessionContext } from './context'
import type { HandlerMap } from './types'

/** Rows per page of the CSV export: AgentPhone's largest page. */
const CSV_PAGE = 100

type Deps = Pick<SessionContext, 'api' | 'board' | 'directory' | 'logger' | 'nowIso' | 'emit'> & {
  service: HistoryService
  /** Every secret the core holds now: exports never carry one. */
  secrets: () => string[]
}

function filterOf(p: CommandParams<'calls.history'>): HistoryFilter {
  const { cursor: _c, limit: _l, ...filter } = p
  return filter
}

/** History, the call afterwards (export, notes and tags) and search. */
export function callHistoryHandlers(d: Deps): HandlerMap {
  const query: HistoryQueryDeps = {
    api: d.api,
    archive: d.service.archive,
    notes: d.service.notes,
    directory: d.directory,
    logger: d.logger,
    now: d.nowIso,
    seen: { has: (id) => d.service.seenInApi.has(id), add: (ids) => d.service.noteSeen(ids), clear: () => d.service.seenInApi.clear() }
  }

  /** One call with its whole transcript: the journal's when it has it, else the board's, else AgentPhone's. */
  async function fullCall(callId: string): Promise<{ call: HistoryCall; transcript: TranscriptTurn[] }> {
    const archived = d.service.archive.get(callId)
    const onBoard = d.board.get(callId)
    // Listed by AgentPhone too (as far as History has seen): say so in the export.
    const known = d.service.seenInApi.has(callId) ? ('both' as const) : ('journal' as const)
    if (archived && (!onBoard || archived.lines.length >= d.board.transcript(callId).length)) {
      return { call: { ...rowFromArchive(onBoard ? { ...archived, info: onBoard } : archived, d.service.notes).call, known }, transcript: archived.lines }
    }
    if (onBoard) return { call: { ...rowFromArchive({ info: onBoard, lines: d.board.transcript(callId) }, d.service.notes).call, known }, transcript: d.board.transcript(callId) }
    const api = await d.api.calls.get(callId)
    await d.directory.resolve(api.agentId).catch(() => undefined)
    return { call: rowFromApi(api, undefined, { directory: d.directory, notes: d.service.notes, now: d.nowIso() }).call, transcript: transcriptFromApi(api) }
  }

  return {
    'calls.history': async (p) => historyPage(query, filterOf(p), p.cursor, p.limit ?? 50),

    'calls.export': async ({ callId, format }) => {
      const { call, transcript } = await fullCall(callId)
      const note = d.service.notes.get(callId)
      const clean = redactor(d.secrets())
      const content = clean(format === 'json' ? callAsJson(call, transcript, note, d.nowIso()) : callAsText(call, transcript, note))
      const safeId = callId.replace(/[^\w.-]+/g, '_')
      return format === 'json'
        ? { filename: `call-${safeId}.json`, mimeType: 'application/json', content }
        : { filename: `call-${safeId}.txt`, mimeType: 'text/plain', content }
    },

    'calls.exportCsv': async (p) => {
      const page = await historyPage(query, filterOf(p), p.cursor, CSV_PAGE)
      const clean = redactor(d.secrets())
      const body = page.items.map(csvRow).join('')
      return {
        csv: clean((p.cursor ? '' : csvHeader()) + body),
        rows: page.items.length,
        nextCursor: page.nextCursor,
        ...(page.total !== undefined ? { total: page.total } : {})
      }
    },

    'notes.get': async ({ callId }) => d.service.notes.get(callId),

    'notes.set': async ({ callId, note, tags }) => {
      const saved = await d.service.notes.set(callId, { ...(note !== undefined ? { note } : {}), ...(tags ? { tags } : {}) }, d.nowIso())
      d.service.index.noteChanged(callId)
      d.emit({ event: 'notes.changed', data: saved })
      return saved
    },

    'notes.tags': async () => ({ items: d.service.notes.tags() }),

    'search.query': async ({ text, limit = 50 }) => {
      if (!text.trim()) throw new CoreError('invalid_params', 'Type something to search for.')
      const hits = d.service.index.query(text, limit)
      const counts = d.service.index.counts
      return { hits, indexed: { ...counts, ready: d.service.index.ready && d.service.scanned } }
    }
  }
}
