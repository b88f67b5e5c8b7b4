import type { TranscriptTurn } from '../../src-preload/contract'

export function withoutKeys<T>(record: Record<string, T>, keys: readonly string[]): Record<string, T> {
  if (keys.length === 0) return record
  const next = { ...record }
  for (const k of keys) delete next[k]
  return next
}

const lineKey = (l: TranscriptTurn): string => `${l.at}\u0000${l.speaker}\u0000${l.text}`

/**
 * Joins a fetched transcript with lines already streamed in: the same utterance can be in both,
 * so lines are matched on time, speaker and text, then put in time order and trimmed to `max`.
 */
export function mergeTranscript(fetched: TranscriptTurn[], streamed: TranscriptTurn[], max: number): TranscriptTurn[] {
  const seen = new Set<string>()
  const all: TranscriptTurn[] = []
  for (const l of [...fetched, ...streamed]) {
    const k = lineKey(l)
    if (seen.has(k)) continue
    seen.add(k)
    all.push(l)
  }
  // Stable sort keeps arrival order for lines with the same timestamp.
  all.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))
  return all.slice(-max)
}
