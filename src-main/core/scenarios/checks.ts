/**
 * Judging one step: the expectations the scenario wrote, the defaults a fault implies, and the
 * warnings for what a caller would suffer whatever the scenario asked.
 */
import type { FaultName, ReplyAction, ReplyLine, ScenarioCheck, ScenarioWarning } from '../../../src-preload/scenario-payloads'
import type { ReadReply } from './read-reply'
import type { Expect, StatusExpectation } from './schema'

/** What AgentPhone's caller heard and what the reply did. */
export function spokenText(lines: ReplyLine[]): string {
  return lines
    .filter((l) => l.spoken && l.text !== '')
    .map((l) => l.text)
    .join(' ')
}

export function actionsOf(lines: ReplyLine[]): ReplyAction[] {
  const spoken = lines.filter((l) => l.spoken)
  const found = new Set<ReplyAction>()
  for (const l of spoken) {
    if (l.interim) found.add('interim')
    if (l.hangup) found.add('hangup')
    if (l.action === 'transfer') found.add('transfer')
    if (l.digits) found.add('digits')
  }
  return (['interim', 'transfer', 'hangup', 'digits'] as const).filter((a) => found.has(a))
}

/** Signature faults must be refused; a retry (duplicate) must still be acknowledged. */
export function defaultExpect(fault: FaultName | undefined): Expect {
  if (!fault || fault === 'timeout') return {}
  if (fault === 'duplicateId') return { status: '2xx' }
  return { status: '4xx' }
}

export function statusMatches(want: StatusExpectation, got: number | null): boolean {
  if (got === null) return false
  if (typeof want === 'number') return got === want
  if (Array.isArray(want)) return want.includes(got)
  return String(got)[0] === want[0]
}

const list = (a: readonly string[]): string => (a.length ? a.join(', ') : 'none')

export interface StepFacts {
  status: number | null
  reply: string
  actions: ReplyAction[]
  latencyMs: number | null
  error: string | null
}

export function checkExpectations(expect: Expect, f: StepFacts): ScenarioCheck[] {
  const checks: ScenarioCheck[] = []
  const add = (name: string, passed: boolean, expected: string, actual: string): void => void checks.push({ name, passed, expected, actual })
  if (expect.status !== undefined) {
    const want = Array.isArray(expect.status) ? expect.status.join(' or ') : String(expect.status)
    add('status', statusMatches(expect.status, f.status), want, f.status === null ? (f.error ?? 'no answer') : String(f.status))
  }
  if (expect.replyMatches !== undefined) {
    add('replyMatches', new RegExp(expect.replyMatches, 'i').test(f.reply), `/${expect.replyMatches}/i`, f.reply === '' ? '(silence)' : JSON.stringify(f.reply))
  }
  if (expect.actions !== undefined) {
    const want = [...new Set(expect.actions)].sort()
    const got = [...f.actions].sort()
    add('actions', want.join() === got.join(), list(want), list(got))
  }
  if (expect.forbiddenActions !== undefined) {
    const hit = f.actions.filter((a) => expect.forbiddenActions!.includes(a))
    add('forbiddenActions', hit.length === 0, `none of ${list(expect.forbiddenActions)}`, list(f.actions))
  }
  if (expect.maxLatencyMs !== undefined) {
    add('maxLatencyMs', f.latencyMs !== null && f.latencyMs <= expect.maxLatencyMs, `≤ ${expect.maxLatencyMs} ms`, f.latencyMs === null ? 'no reply' : `${Math.round(f.latencyMs)} ms`)
  }
  return checks
}

export interface WarningInput {
  voice: boolean
  status: number | null
  read: ReadReply | null
  timeoutMs: number
  /** Nothing (or not all) came back before the wait ran out. */
  timedOut: boolean
  /** A deliberately broken delivery: a refusal is what it should get, not a problem. */
  fault: FaultName | undefined
}

/** What a real caller would suffer on this turn, reported even when no expectation names it. */
export function callerWarnings(w: WarningInput): ScenarioWarning[] {
  const out: ScenarioWarning[] = []
  const add = (code: ScenarioWarning['code'], message: string): void => void out.push({ code, message })
  const secs = `${w.timeoutMs / 1000} s`
  if (w.fault && w.fault !== 'timeout' && w.fault !== 'duplicateId') return out
  if (w.status !== null && (w.status < 200 || w.status >= 300)) {
    add('http_error', w.voice ? `HTTP ${w.status}: AgentPhone speaks nothing for this turn` : `HTTP ${w.status}: AgentPhone will retry this delivery`)
    return out
  }
  const r = w.read
  if (!r && w.timedOut && w.fault !== 'timeout') {
    add('slower_than_timeout', `no reply within the webhook timeout (${secs}): the caller hears silence`)
  } else if (r?.endedBy === 'aborted' && w.fault !== 'timeout') {
    add('slower_than_timeout', `no complete reply within the webhook timeout (${secs}): the caller hears silence${r.lines.some((l) => l.spoken) ? ' after the interim lines' : ''}`)
  } else if (r && r.closedAtMs !== null && r.closedAtMs > w.timeoutMs) {
    add('slower_than_timeout', `the reply took ${Math.round(r.closedAtMs)} ms, past the webhook timeout (${secs}): AgentPhone would have given up`)
  }
  if (!w.voice || !r || w.status === null) return out
  const discarded = r.lines.filter((l) => !l.spoken)
  for (const l of discarded) {
    const kind = r.ndjson ? 'line' : 'body'
    const what = l.raw.trim() === '' ? `the reply ${kind} is empty` : `the reply ${kind} ${JSON.stringify(l.raw.slice(0, 60))} is not a JSON object`
    add('not_an_object', `${what}: AgentPhone discards it and the caller hears silence`)
  }
  if (r.ndjson && r.endedBy === 'eof' && r.lines.some((l) => l.spoken)) {
    add('no_final_line', 'the NDJSON stream ended with only interim lines: the turn never got its final line')
  }
  if (r.aliasClashes > 0) {
    add('digits_with_alias', '`digits` was sent together with `press_digit` or `dtmf`: only one is pressed, and which one is not documented')
  }
  if (r.endedBy !== 'aborted' && r.lines.length === 0) add('no_answer', 'the voice reply was empty: the caller hears silence')
  return out
}
