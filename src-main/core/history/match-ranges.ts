/** The longest snippet a hit carries; a longer line is cut around its first match. */
export const SNIPPET_CHARS = 160

/** Lower case without accents, one output character per input character, so offsets stay valid. */
export function fold(text: string): string {
  // Most text is plain ASCII: lower case is all it needs (and the per-character path is slow).
  if (!/[^\u0020-\u007e]/.test(text)) return text.toLowerCase()
  let out = ''
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
    // Characters that fold to more or fewer than one unit (rare ligatures) keep their own place.
    out += base.length === ch.length ? base : ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch
  }
  return out
}

/** The words of a query, folded the way the index folds them. */
export function queryTerms(query: string): string[] {
  return [...new Set(fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean))]
}

/**
 * Where the query's words start words in `text` (the index matches word prefixes), as [start, end)
 * pairs in order, merged where they overlap.
 */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  return rangesInFolded(fold(text), terms)
}

/** Whether every term starts a word of `text`. */
export function hasEveryTerm(text: string, terms: readonly string[]): boolean {
  const folded = fold(text)
  return terms.every((t) => rangesInFolded(folded, [t]).length > 0)
}

function rangesInFolded(folded: string, terms: readonly string[]): Array<[number, number]> {
  const found: Array<[number, number]> = []
  for (const term of terms) {
    let from = 0
    for (let at = folded.indexOf(term, from); at >= 0; at = folded.indexOf(term, from)) {
      const before = at === 0 ? '' : folded[at - 1]!
      if (!before || !/[\p{L}\p{N}]/u.test(before)) found.push([at, at + term.length])
      from = at + 1
    }
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Array<[number, number]> = []
  for (const r of found) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

/** A snippet of at most SNIPPET_CHARS around the first match, with the ranges moved into it. */
export function snippetOf(text: string, terms: readonly string[]): { snippet: string; ranges: Array<[number, number]> } {
  const ranges = matchRanges(text, terms)
  if (text.length <= SNIPPET_CHARS) return { snippet: text, ranges }
  const first = ranges[0]?.[0] ?? 0
  let start = Math.max(0, first - Math.floor(SNIPPET_CHARS / 3))
  const end = Math.min(text.length, start + SNIPPET_CHARS)
  start = Math.max(0, end - SNIPPET_CHARS)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  const shift = prefix.length - start
  const inside = ranges
    .filter(([a, b]) => a >= start && b <= end)
    .map(([a, b]): [number, number] => [a + shift, b + shift])
  return { snippet: `${prefix}${text.slice(start, end)}${suffix}`, ranges: inside }
}
