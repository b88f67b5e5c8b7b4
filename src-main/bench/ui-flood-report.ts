import { loadavg } from 'node:os'
import type { FloodFigures, PhaseFigures } from './ui-flood'
import { FLOOD_TARGETS } from './ui-flood'

const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED')
const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)} ×` : 'n/a')

/** The flood beside its light-load baseline of the same run, each figure with its ratio and target. */
export function printFlood(f: FloodFigures | string): void {
  console.log('\nThe console under a flood of texts (live shell, built UI in Chromium on Messages, 10 senders)')
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`)
  if (typeof f === 'string') return void console.log(`  ${f}`)
  const { baseline: b, flood: x, again: y } = f
  const rows: Array<[string, (p: PhaseFigures) => number, number]> = [
    ['texts accepted', (p) => p.sent, 0],
    ['load generator behind schedule at the end (ms)', (p) => p.lateMs, 0],
    ['longest main-thread task (ms)', (p) => p.longestTaskMs, 0],
    ['tasks over 50 ms', (p) => p.longTasks, 0],
    ['longest gap between frames (ms)', (p) => p.longestFrameGapMs, 0],
    ['main thread busy (% of wall time)', (p) => p.busyPercent, 0],
    ['  of which JavaScript (%)', (p) => p.scriptPercent, 0],
    ['  of which style recalculation (%)', (p) => p.stylePercent, 0],
    ['  of which layout (%)', (p) => p.layoutPercent, 0],
    ['JS heap after GC (MB)', (p) => p.heapMb, 1],
    ['DOM nodes', (p) => p.domNodes, 0]
  ]
  const head = `${''.padEnd(50)}${`${b.perSecond}/s`.padStart(10)}${`${x.perSecond}/s`.padStart(10)}${'again'.padStart(10)}${'÷ base'.padStart(10)}`
  console.log(head)
  for (const [name, get, digits] of rows) {
    console.log(`${name.padEnd(50)}${get(b).toFixed(digits).padStart(10)}${get(x).toFixed(digits).padStart(10)}${get(y).toFixed(digits).padStart(10)}${ratio(get(x), get(b)).padStart(10)}`)
  }
  const longest = Math.max(x.longestTaskMs, y.longestTaskMs)
  console.log(`  longest task during the floods = ${longest.toFixed(0)} ms  (target ≤ ${FLOOD_TARGETS.longestTaskMs} ms: ${verdict(longest <= FLOOD_TARGETS.longestTaskMs)})`)
  const growth = y.heapMb - x.heapMb
  console.log(`  heap after the second flood − after the first = ${growth.toFixed(1)} MB (${(y.heapMb - b.heapMb).toFixed(1)} MB over the baseline)  (target bounded, < ${FLOOD_TARGETS.heapGrowthMb} MB: ${verdict(growth < FLOOD_TARGETS.heapGrowthMb && y.heapMb - b.heapMb < FLOOD_TARGETS.heapGrowthMb)})`)
  if ('failed' in f.turn) console.log(`  a caller waiting during the flood: NOT answered (${f.turn.failed})  (target answered: MISSED)`)
  else console.log(`  a caller waiting during the flood: from the turn opening, alert on screen ${f.turn.alertShownMs.toFixed(0)} ms, the caller heard "${f.turn.heard}" at ${f.turn.callerHeardMs.toFixed(0)} ms (clicked and typed by a script)  (target answered: met)`)
}
