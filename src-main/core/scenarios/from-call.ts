/**
 * A finished call as a scenario: each caller line replays as a turn, and what the agent answered
 * becomes the expectation, written strict (the exact words) with comments on how to loosen it.
 */
import type { CallInfo, TranscriptTurn } from '../../../src-preload/contract'

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
/** A JSON string is a valid YAML double-quoted scalar, escapes included. */
const quote = (text: string): string => JSON.stringify(text)

interface Turn {
  caller: string
  digits?: string
  replies: TranscriptTurn[]
}

function turnsOf(transcript: readonly TranscriptTurn[]): Turn[] {
  const turns: Turn[] = []
  for (const line of transcript) {
    if (line.speaker === 'caller') {
      const text = line.text.trim() || (line.digits ? `(pressed ${line.digits})` : '')
      if (text) turns.push({ caller: text, ...(line.digits ? { digits: line.digits } : {}), replies: [] })
    } else if (line.speaker === 'agent') turns.at(-1)?.replies.push(line)
    // 'system' lines (how the call ended) are the console's, not the agent's answer.
  }
  return turns
}

export function scenarioName(call: Pick<CallInfo, 'from' | 'startedAt'>): string {
  return `call from ${call.from} at ${call.startedAt.slice(0, 16).replace('T', ' ')}`
}

/** The scenario file's text; `null` when the call has no caller line to replay. */
export function scenarioFromCall(call: Pick<CallInfo, 'id' | 'from' | 'to' | 'startedAt'>, transcript: readonly TranscriptTurn[]): string | null {
  const turns = turnsOf(transcript)
  if (turns.length === 0) return null
  const out = [
    `# Saved from call ${call.id}. Each caller line replays; the agent's answer is the expectation.`,
    '# Loosen it: shorten the replyMatches pattern (a case-insensitive regular expression), or delete it.',
    `name: ${quote(scenarioName(call))}`,
    'channel: voice',
    `to: ${quote(call.to)}`,
    'turns:'
  ]
  for (const t of turns) {
    out.push(`  - caller: ${quote(t.caller)}`)
    if (t.digits) out.push(`    digits: ${quote(t.digits)}`)
    // The console's filler is its own, not the agent's answer: the final words are what to expect.
    const finals = t.replies.filter((r) => !r.interim && r.source !== 'filler' && r.text.trim() !== '')
    const pressed = t.replies.some((r) => r.digits)
    if (finals.length === 0 && !pressed) continue
    out.push('    expect:')
    if (finals.length > 0) out.push(`      replyMatches: ${quote(escapeRegex(finals.map((r) => r.text.trim()).join(' ')))}`)
    if (pressed) out.push('      forbiddenActions: [hangup]  # it pressed keys here; add `actions: [digits]` to insist')
  }
  return `${out.join('\n')}\n`
}
