/**
 * Every call afterwards: the History list, search, notes and tags, exports and the usage
 * breakdowns. Kept beside payloads.ts so the contract only gains a few spread lines.
 */
import { z } from 'zod'
import { CallInfoSchema } from './payloads'

const Id = z.string().min(1).max(200)
const IsoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'a date and time (ISO 8601)')

/** `GET /v1/calls` statuses, plus the two final ones the API reports for calls that never connected. */
export const HistoryStatusFilterSchema = z.enum(['ringing', 'in-progress', 'completed', 'failed', 'busy', 'no-answer'])

/** The filters of the History list; the same ones drive its CSV export. */
export const HistoryFilterShape = {
  /** Words or digits: a number (AgentPhone's `search`), an agent's name, a tag, a note. */
  query: z.string().trim().max(200).optional(),
  status: HistoryStatusFilterSchema.optional(),
  direction: z.enum(['inbound', 'outbound', 'web']).optional(),
  agentId: Id.optional(),
  numberId: Id.optional(),
  /** Calls that started at or after this time. */
  from: IsoTime.optional(),
  /** Calls that started before this time. */
  to: IsoTime.optional()
}
export const HistoryFilterSchema = z.strictObject(HistoryFilterShape)
export type HistoryFilter = z.infer<typeof HistoryFilterSchema>

/** One row of History: the call as the board shows it, plus what is known once it is over. */
export const HistoryCallSchema = CallInfoSchema.extend({
  durationSeconds: z.number().nullable(),
  /** Who answered the caller, in words: a person's name, "Fallback line", "Hosted agent", "Copilot". */
  responders: z.array(z.string()),
  /** Whether AgentPhone says it has a recording; null when not known. */
  hasRecording: z.boolean().nullable(),
  tags: z.array(z.string()),
  hasNote: z.boolean(),
  /** Where the row came from: AgentPhone's list, this console's journal, or both. */
  known: z.enum(['api', 'journal', 'both'])
})
export type HistoryCall = z.infer<typeof HistoryCallSchema>

export const CallNoteSchema = z.object({ callId: z.string(), note: z.string(), tags: z.array(z.string()), updatedAt: z.string().nullable() })
export type CallNote = z.infer<typeof CallNoteSchema>

const Tag = z
  .string()
  .trim()
  .min(1, 'a tag is empty')
  .max(40, 'a tag is at most 40 characters')
  .regex(/^[^,\n]+$/, 'a tag cannot hold a comma or a line break')

/** A search hit: a transcript line (or a note) of a call, or a text message; `ranges` are [start, end) in `snippet`. */
export const SearchHitSchema = z.object({
  kind: z.enum(['call', 'message']),
  callId: z.string().optional(),
  conversationId: z.string().optional(),
  /** The line's index in the call's transcript (as `calls.get` returns it); absent for a note. */
  lineIndex: z.number().int().optional(),
  at: z.string(),
  /** Who said it: Caller, Agent (with a name), Note, or the message's direction. */
  who: z.string(),
  snippet: z.string(),
  ranges: z.array(z.tuple([z.number(), z.number()])),
  /** The other party, for a row's title: the caller's or callee's number. */
  party: z.string().nullable()
})
export type SearchHit = z.infer<typeof SearchHitSchema>

export const historyCommandParams = {
  /** Every call, newest first, AgentPhone's list merged with what the journal holds; page with `cursor`. */
  'calls.history': z.strictObject({ ...HistoryFilterShape, cursor: z.string().max(2000).optional(), limit: z.number().int().min(1).max(100).optional() }),
  /** One call as a file: plain text or JSON (secrets never included). */
  'calls.export': z.strictObject({ callId: Id, format: z.enum(['text', 'json']) }),
  /** One page of the filtered list as CSV rows (the header on the first page); page with `cursor` until it is null. */
  'calls.exportCsv': z.strictObject({ ...HistoryFilterShape, cursor: z.string().max(2000).optional() }),
  'notes.get': z.strictObject({ callId: Id }),
  /** Replaces a call's note and tags (an empty note and no tags removes the entry). */
  'notes.set': z.strictObject({ callId: Id, note: z.string().max(10_000).optional(), tags: z.array(Tag).max(20).optional() }),
  /** Every tag in use, with how many calls carry it. */
  'notes.tags': z.strictObject({}),
  /** Full-text search over the transcripts, notes and messages the journal holds. */
  'search.query': z.strictObject({ text: z.string().trim().min(1, 'type something to search for').max(200), limit: z.number().int().min(1).max(200).optional() }),
  'usage.byAgent': z.strictObject({ period: z.enum(['week', 'month', 'year']).optional() }),
  'usage.byNumber': z.strictObject({})
} as const

export type UsageByAgentRow = { agentId: string | null; agentName: string; calls: number; messages: number; minutes: number }
export type UsageByNumberRow = { numberId: string; phoneNumber: string; agentName: string | null; calls: number; messages: number }

export interface HistoryCommandResults {
  'calls.history': { items: HistoryCall[]; total?: number; nextCursor: string | null; notice?: string }
  'calls.export': { filename: string; mimeType: string; content: string }
  'calls.exportCsv': { csv: string; rows: number; total?: number; nextCursor: string | null }
  'notes.get': CallNote
  'notes.set': CallNote
  'notes.tags': { items: Array<{ tag: string; calls: number }> }
  'search.query': { hits: SearchHit[]; indexed: { lines: number; messages: number; ready: boolean } }
  'usage.byAgent': { data: UsageByAgentRow[] }
  'usage.byNumber': { data: UsageByNumberRow[] }
}

export const historyEventSchemas = {
  /** A call's note or tags changed (in any window). */
  'notes.changed': CallNoteSchema
} as const
