/**
 * Reads a webhook's answer as AgentPhone reads it (the simulator's own splitting and
 * normalisation, agentphone-api.md §4), keeping what AgentPhone throws away so the report can say
 * why the caller heard nothing: lines that were not objects, ambiguous digit fields, the time of each.
 */
import type { IncomingMessage } from 'node:http'
import type { ReplyLine } from '../../../src-preload/scenario-payloads'
import type { Clock } from '../ports'
import { isNdjson, normalizeVoiceObject, readReplyUnits } from '../sim/voice-reader'
import { readSome } from '../sim/webhook-sender'

export const MAX_BODY_CHARS = 4096

export interface ReadReply {
  lines: ReplyLine[]
  body: string
  /** ms after the request started when the turn closed (the first final line, or the end of the body). */
  closedAtMs: number | null
  /** How the reading stopped: a final line, the body ended, or AgentPhone gave up (timeout). */
  endedBy: 'final' | 'eof' | 'aborted'
  ndjson: boolean
  /** Lines that carried `digits` together with `press_digit` or `dtmf`, or both aliases. */
  aliasClashes: number
}

const DIGIT_FIELDS = ['digits', 'press_digit', 'dtmf'] as const

function judge(raw: string, atMs: number): { line: ReplyLine; clash: boolean } {
  let value: unknown
  try {
    value = JSON.parse(raw.trim())
  } catch {
    value = undefined
  }
  const normal = normalizeVoiceObject(value)
  if (!normal) return { line: { atMs, raw, spoken: false, text: '', interim: false, hangup: false }, clash: false }
  const o = value as Record<string, unknown>
  const clash = DIGIT_FIELDS.filter((f) => o[f] !== undefined && o[f] !== null).length > 1
  // The third-party `transfer: true` form is read as AgentPhone's documented `action: "transfer"`.
  const action = normal.action ?? (o.transfer === true ? 'transfer' : undefined)
  return { line: { atMs, raw, spoken: true, text: normal.text, interim: normal.interim, hangup: normal.hangup, ...(normal.digits ? { digits: normal.digits } : {}), ...(action ? { action } : {}) }, clash }
}

/** A voice turn's answer, line by line, stopping at the first final line as AgentPhone does. */
export async function readVoiceReply(res: IncomingMessage, clock: Clock, startedAtMs: number): Promise<ReadReply> {
  const out: ReadReply = { lines: [], body: '', closedAtMs: null, endedBy: 'eof', ndjson: isNdjson(res.headers['content-type']), aliasClashes: 0 }
  const raws: string[] = []
  try {
    for await (const raw of readReplyUnits(res)) {
      const atMs = clock.now() - startedAtMs
      raws.push(raw)
      const { line, clash } = judge(raw, atMs)
      out.lines.push(line)
      if (clash) out.aliasClashes += 1
      if (line.spoken && !line.interim) {
        out.endedBy = 'final'
        out.closedAtMs = atMs
        break
      }
    }
    if (out.endedBy === 'eof') out.closedAtMs = clock.now() - startedAtMs
  } catch {
    out.endedBy = 'aborted'
  }
  out.body = raws.join('\n').slice(0, MAX_BODY_CHARS)
  return out
}

/** Any other event's answer: only the status matters to AgentPhone; the body is kept for the report. */
export async function readPlainReply(res: IncomingMessage, clock: Clock, startedAtMs: number): Promise<ReadReply> {
  try {
    const body = await readSome(res, MAX_BODY_CHARS)
    return { lines: [], body, closedAtMs: clock.now() - startedAtMs, endedBy: 'eof', ndjson: false, aliasClashes: 0 }
  } catch {
    return { lines: [], body: '', closedAtMs: null, endedBy: 'aborted', ndjson: false, aliasClashes: 0 }
  }
}
