// Turns what the page saw (row text changes, mounts, unmounts) and what the core sent (each
// transcript line with its creation time) into per-line latencies.

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

/**
 * For every line whose row was on screen from the moment the line was created until the row
 * showed it (or a later line of the same call, which supersedes it), the delay in ms.
 * @param calls Map callId → { lines: [{speaker, text, at}] } in arrival order
 * @param rows  callId → [{type: 'mount'|'unmount'|'text', text?, t}] in page order
 * @param from  only lines created at or after this wall-clock time count
 */
export function lineLatencies(calls, rows, from) {
  const out = []
  let unresolved = 0
  for (const [callId, call] of calls) {
    const recs = rows[callId]
    if (!recs || recs.length === 0) continue
    // Intervals during which the row was mounted.
    const spans = []
    let open = null
    for (const r of recs) {
      if (r.type === 'mount' && open === null) open = r.t
      else if (r.type === 'unmount' && open !== null) {
        spans.push([open, r.t])
        open = null
      }
    }
    if (open !== null) spans.push([open, Infinity])
    const visible = (a, b) => spans.some(([s, e]) => s <= a && b <= e)

    // A row shows what the caller said last: the agent's lines never appear in it.
    const lines = call.lines.filter((l) => l.speaker === 'caller')
    let j = 0
    for (const r of recs) {
      if (r.type === 'unmount' || r.text === undefined) continue
      let k = -1
      for (let x = j; x < lines.length; x++) {
        if (lines[x].at > r.t + 5) break // a line from after this frame cannot be what it shows
        if (r.text.endsWith(lines[x].text)) k = x // the newest match: a repeated filler text shows the latest
      }
      if (k < 0) continue
      for (let i = j; i <= k; i++) {
        const l = lines[i]
        if (l.at < from) continue
        if (visible(l.at, r.t)) out.push(Math.max(0, r.t - l.at))
      }
      j = k + 1
    }
    for (let i = j; i < lines.length; i++) if (lines[i].at >= from && visible(lines[i].at, lines[i].at)) unresolved += 1
  }
  return { latencies: out.sort((a, b) => a - b), unresolved }
}
