import type { OpenTurn, TranscriptTurn } from '../../src-preload/contract'

/**
 * The caller's most recent line. The newest line of a call is often the agent's filler ("One
 * moment, please."), which says nothing about what the caller wants; this skips back past it.
 */
export function lastCallerLine(lines: readonly TranscriptTurn[] | undefined): TranscriptTurn | null {
  if (!lines) return null
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]
    if (line?.speaker === 'caller' && line.text.trim() !== '') return line
  }
  return null
}

/**
 * What the caller said that a waiting turn answers: the turn's own transcript (it arrives with
 * the turn, even in a window opened after the caller spoke), else their last line on screen.
 */
export function waitingWords(turn: OpenTurn, lines: readonly TranscriptTurn[] | undefined): string | null {
  const said = turn.transcript.trim()
  return said !== '' ? said : (lastCallerLine(lines)?.text ?? null)
}
