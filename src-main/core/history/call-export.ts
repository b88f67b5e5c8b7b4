import type { CallNote, HistoryCall, TranscriptTurn } from '../../../src-preload/contract'

/** What an export never holds: every secret the core knows, wherever it turns up (a caller can read one out). */
export function redactor(secrets: readonly string[]): (text: string) => string {
  // Short values would blank ordinary words; real keys and secrets are long.
  const known = [...new Set(secrets.filter((s) => s.length >= 8))].sort((a, b) => b.length - a.length)
  return (text) => known.reduce((out, secret) => out.split(secret).join('[redacted]'), text)
}

function duration(seconds: number | null): string {
  if (seconds === null) return '—'
  const m = Math.floor(seconds / 60)
  return `${m}:${String(seconds % 60).padStart(2, '0')}`
}

function speakerOf(line: TranscriptTurn): string {
  if (line.speaker === 'caller') return 'Caller'
  if (line.speaker === 'system') return '—'
  const who: string | undefined = line.source === 'human' ? line.by || 'a person' : line.source === 'fallback' ? 'fallback line' : line.source === 'hosted' ? 'hosted agent' : line.source
  return who && who !== 'caller' ? `Agent (${who})` : 'Agent'
}

/** One call as plain text: a header, the note, then every line with its time (UTC) and who said it. */
export function callAsText(call: HistoryCall, transcript: readonly TranscriptTurn[], note: CallNote): string {
  const head = [
    `Call ${call.id}`,
    `Direction: ${call.direction}`,
    `From: ${call.from}`,
    `To: ${call.to}`,
    `Agent: ${call.agentName ?? call.agentId ?? 'unknown'}`,
    `Started: ${call.startedAt}`,
    `Ended: ${call.endedAt ?? '—'}`,
    `Duration: ${duration(call.durationSeconds)}`,
    `Outcome: ${call.outcome?.label ?? call.status}`,
    `Answered by: ${call.responders.join(', ') || '—'}`
  ]
  if (note.tags.length) head.push(`Tags: ${note.tags.join(', ')}`)
  if (note.note.trim()) head.push('', 'Note:', note.note.trim())
  const body = transcript.map((l) => `[${l.at}] ${speakerOf(l)}: ${l.text}${l.interim ? ' (interim)' : ''}${l.digits ? ` (keys ${l.digits})` : ''}`)
  return [...head, '', 'Transcript:', ...(body.length ? body : ['(nothing was said)']), ''].join('\n')
}

export function callAsJson(call: HistoryCall, transcript: readonly TranscriptTurn[], note: CallNote, exportedAt: string): string {
  return `${JSON.stringify({ exportedAt, call, transcript, note: note.note, tags: note.tags }, null, 2)}\n`
}

export const CSV_COLUMNS = ['id', 'started_at', 'ended_at', 'duration_seconds', 'direction', 'from', 'to', 'agent', 'status', 'outcome', 'answered_by', 'tags', 'recording'] as const

/** RFC 4180: quoted when needed; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d[\d\s().-]*$/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`
}

export function csvRow(c: HistoryCall): string {
  return (
    [
      c.id,
      c.startedAt,
      c.endedAt,
      c.durationSeconds,
      c.direction,
      c.from,
      c.to,
      c.agentName ?? c.agentId,
      c.status,
      c.outcome?.label ?? null,
      c.responders.join('; '),
      c.tags.join('; '),
      c.hasRecording === null ? '' : c.hasRecording ? 'yes' : 'no'
    ]
      .map(cell)
      .join(',') + '\r\n'
  )
}
