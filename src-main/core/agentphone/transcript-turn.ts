/**
 * Transcript turns come in several undocumented shapes (agentphone-api.md §7 #9): `{role, content}`
 * (REST-md), `{id, transcript, response}` pairs (SKILL-0.4 and call detail), or `{speaker, text}`.
 * This reads any of them into one shape: who spoke, what, when, and an id stable across replays.
 */
import { z } from 'zod'

/** One utterance, either side. `id` is stable: a replay of the same turn yields the same id. */
export interface CallTurn {
  id: string
  speaker: 'caller' | 'agent'
  text: string
  at: string
  /** An agent filler line spoken while the real answer is prepared (the simulator marks these). */
  interim?: boolean
  /** Speech-to-text confidence of a caller turn, when the server gives one. */
  confidence?: number
}

const nstr = z.string().nullish()

export const RawTurnSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  role: nstr,
  speaker: nstr,
  content: nstr,
  transcript: nstr,
  response: nstr,
  text: nstr,
  createdAt: nstr,
  timestamp: nstr,
  interim: z.boolean().nullish(),
  confidence: z.number().nullish()
})
export type RawTurn = z.output<typeof RawTurnSchema>

const CALLER_ROLES = new Set(['user', 'caller', 'customer', 'human', 'contact'])

function speakerOf(role: string): 'caller' | 'agent' {
  return CALLER_ROLES.has(role.toLowerCase()) ? 'caller' : 'agent'
}

/**
 * Gives id-less turns a stable key: what was said, by whom, when, plus how many identical turns
 * came before it on this connection (so two "yes" answers stay two turns). Because a reconnect
 * replays from the start in the same order, the nth "yes" gets the same key both times.
 * Use one keyer per connection or per response.
 */
export class TurnKeyer {
  readonly #seen = new Map<string, number>()

  key(speaker: string, text: string, at: string): string {
    const base = `${at}|${speaker}|${text}`
    const n = (this.#seen.get(base) ?? 0) + 1
    this.#seen.set(base, n)
    return `k:${base}#${n}`
  }
}

/**
 * Expands one raw turn into zero, one or two turns: `{transcript, response}` pairs hold the caller's
 * words and the agent's answer, which get ids `<id>:caller` and `<id>:agent` so an answer that
 * arrives later under the same id is still delivered once. Empty texts are dropped.
 */
export function normalizeTurn(raw: unknown, keyer: TurnKeyer, now: () => string = () => new Date().toISOString()): CallTurn[] {
  const parsed = RawTurnSchema.safeParse(raw)
  if (!parsed.success) return []
  const t = parsed.data
  const when = t.createdAt ?? t.timestamp ?? ''
  const at = when || now()
  const id = t.id === null || t.id === undefined ? null : String(t.id)
  const make = (speaker: 'caller' | 'agent', text: string | null | undefined, idSuffix: string): CallTurn | null => {
    const clean = text?.trim()
    if (!clean) return null
    const turn: CallTurn = { id: id !== null ? `${id}${idSuffix}` : keyer.key(speaker, clean, when), speaker, text: clean, at }
    if (t.interim) turn.interim = true
    if (speaker === 'caller' && typeof t.confidence === 'number') turn.confidence = t.confidence
    return turn
  }
  const role = t.role ?? t.speaker
  if (role) {
    const turn = make(speakerOf(role), t.content ?? t.text ?? t.transcript ?? t.response, '')
    return turn ? [turn] : []
  }
  const caller = make('caller', t.transcript ?? t.content ?? t.text, ':caller')
  const agent = make('agent', t.response, ':agent')
  return [caller, agent].filter((x): x is CallTurn => x !== null)
}

/** Normalises a list of raw turns (one response, one keyer). */
export function normalizeTurns(raws: readonly unknown[], now?: () => string): CallTurn[] {
  const keyer = new TurnKeyer()
  return raws.flatMap((r) => normalizeTurn(r, keyer, now))
}

/**
 * The transcript endpoint's shape is undocumented: accept `{data}`, `{transcript}`, `{transcripts}` or a bare array.
 * `transcript` (REST-md's ordered role/content turns) wins when a server sends both: the `data`
 * pairs form cannot hold an agent line spoken before the caller's first words (the greeting).
 */
export const TranscriptResponseSchema = z.union([
  z.array(z.unknown()),
  z.looseObject({ transcript: z.array(z.unknown()) }).transform((r) => r.transcript),
  z.looseObject({ data: z.array(z.unknown()) }).transform((r) => r.data),
  z.looseObject({ transcripts: z.array(z.unknown()) }).transform((r) => r.transcripts)
])

/** One call-detail `transcripts` entry in the documented pair form (§9.4). */
export interface TranscriptPair {
  id?: string | null
  transcript: string | null
  response: string | null
  confidence?: number | null
  createdAt?: string | null
}

/**
 * A call's `transcripts` in either shape the vendor's clients meet (§9.4): pairs pass through;
 * `{role, content}` turns are folded into pairs — a caller line opens one, the agent's final words
 * answer it, and an agent line before any caller line (the greeting) is a pair with no transcript.
 */
export function foldToPairs(entries: readonly unknown[]): TranscriptPair[] {
  const pairs: TranscriptPair[] = []
  for (const entry of entries) {
    const parsed = RawTurnSchema.safeParse(entry)
    if (!parsed.success) continue
    const t = parsed.data
    const role = t.role ?? t.speaker
    const id = t.id === null || t.id === undefined ? null : String(t.id)
    const at = t.createdAt ?? t.timestamp ?? null
    if (!role) {
      pairs.push({ id, transcript: t.transcript ?? null, response: t.response ?? null, confidence: t.confidence ?? null, createdAt: at })
      continue
    }
    const text = (t.content ?? t.text ?? '').trim()
    if (!text || t.interim) continue
    if (speakerOf(role) === 'caller') {
      pairs.push({ id, transcript: text, response: null, confidence: t.confidence ?? null, createdAt: at })
      continue
    }
    const open = pairs[pairs.length - 1]
    if (open) open.response = open.response ? `${open.response} ${text}` : text
    else pairs.push({ id, transcript: null, response: text, confidence: null, createdAt: at })
  }
  return pairs
}
