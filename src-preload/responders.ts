import type { CallInfo, TranscriptTurn } from './payloads'

/** Who answered the caller, in words, in the order they first spoke: names first-come, then the machines. */
export function respondersOf(info: Pick<CallInfo, 'voiceMode'>, lines: readonly TranscriptTurn[]): string[] {
  const out: string[] = []
  const add = (who: string): void => {
    if (!out.includes(who)) out.push(who)
  }
  for (const line of lines) {
    if (line.speaker !== 'agent') continue
    // Sources grow over time (a copilot marks its lines 'copilot'): read as a string, not the enum.
    const source: string | undefined = line.source
    if (source === 'human') add(line.by?.trim() || 'A person')
    else if (source === 'fallback') add('Fallback line')
    else if (source === 'hosted') add('Hosted agent')
    else if (source === 'copilot') add('Copilot')
  }
  // A hosted call followed only through the API (no stream seen) still had its agent answer.
  if (out.length === 0 && info.voiceMode === 'hosted') add('Hosted agent')
  return out
}
