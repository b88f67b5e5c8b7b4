import type { AppFigures, ServerName } from './app-bench'

/**
 * How the bench prints its figures: each beside its target and its ratio against the baselines
 * measured in the same run. Targets come from the issue "Fast on the path the app really runs".
 */
export const TARGETS = {
  oneClientVsBare: 0.5,
  fiveClientsVsBare: 0.4,
  turnP99Ms: 5,
  /** Flat: what 100,000 events add to the heap after a full collection, and to the RSS. */
  heapGrowthMb: 10,
  rssGrowthMb: 50
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

const MB = 1024 * 1024
const mb = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`
const verdict = (ok: boolean): string => (ok ? 'met' : 'MISSED')

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
}

const LABELS: Record<ServerName, string> = {
  bare: 'bare node:http (read body, 200)',
  express: 'Express vendor example (parse, re-hash, 200)',
  app0: 'Switchboard serve, live, 0 bridge clients',
  app1: 'Switchboard serve, live, 1 bridge client',
  app5: 'Switchboard serve, live, 5 bridge clients'
}

export function printThroughput(f: AppFigures): void {
  const t = f.throughput
  const w = [46, 9, 17, 8, 8, 12]
  console.log(row(['Accepted signed 1.4 KB SMS deliveries/s', 'median', 'rounds', '÷ bare', '÷ Expr.', 'events/s/cl.'], w))
  for (const name of Object.keys(LABELS) as ServerName[]) {
    const s = t[name]
    if (!s) continue
    const spread = s.rounds.map((r) => r.toFixed(0)).join(' ')
    const perClient = s.eventsPerClient === undefined ? '' : s.eventsPerClient.toFixed(0)
    console.log(row([LABELS[name], s.median.toFixed(0), spread, (s.median / t.bare.median).toFixed(2), (s.median / t.express.median).toFixed(2), perClient], w))
  }
  const one = t.app1.median / t.bare.median
  const five = t.app5.median / t.bare.median
  console.log(`  1 client ÷ bare  = ${one.toFixed(2)}  (target ≥ ${TARGETS.oneClientVsBare}: ${verdict(one >= TARGETS.oneClientVsBare)})`)
  console.log(`  5 clients ÷ bare = ${five.toFixed(2)}  (target ≥ ${TARGETS.fiveClientsVsBare}: ${verdict(five >= TARGETS.fiveClientsVsBare)})`)
  console.log(`  1 client ÷ Express = ${(t.app1.median / t.express.median).toFixed(2)}\n`)
}

export function printTurns(f: AppFigures, disk: { p50: number; p99: number }): void {
  const w = [46, 11, 11, 11, 12]
  console.log(row(['Voice turn: time to the first NDJSON line (1 client)', 'p50', 'p99', 'max', 'p99 ÷ bare'], w))
  console.log(row(['(disk floor: one append + fdatasync)', `${disk.p50.toFixed(2)} ms`, `${disk.p99.toFixed(2)} ms`, '', ''], w))
  const ms = (n: number, digits = 2): string => `${n.toFixed(digits)} ms`
  f.turns.app.forEach((t, i) => {
    const b = f.turns.bare[i]!
    console.log(row([`bare node:http, ${b.open} held`, ms(b.p50), ms(b.p99), ms(b.max, 1), '1.00'], w))
    console.log(row([`Switchboard, ${t.open} open turn${t.open === 1 ? '' : 's'}`, ms(t.p50), ms(t.p99), ms(t.max, 1), (t.p99 / b.p99).toFixed(1)], w))
  })
  const s = f.turns.inShell
  console.log(row([`  inside the shell, 200 open (own ttfb, ${s.count} turns)`, ms(s.p50), ms(s.p99), '', ''], w))
  const at200 = f.turns.app.find((t) => t.open === 200)
  if (at200) console.log(`  p99 at 200 open = ${ms(at200.p99)} = ${(at200.p99 / disk.p99).toFixed(1)} × the disk's p99  (target < ${TARGETS.turnP99Ms} ms: ${verdict(at200.p99 < TARGETS.turnP99Ms)})\n`)
}

export function printMemory(f: AppFigures): void {
  const m = f.memory
  const first = m.samples[0]!
  const last = m.samples.at(-1)!
  const heap = last.heapUsed - first.heapUsed
  const rss = last.rss - first.rss
  const peakHeap = Math.max(...m.samples.map((s) => s.heapUsed)) - first.heapUsed
  console.log(`Memory of the shell over ${m.accepted} accepted SMS (${m.failed} failed, ${m.seconds.toFixed(1)} s), 5 clients reading, after a full GC:`)
  console.log(`  events  ${m.samples.map((s) => String(s.events / 1000).padStart(6)).join('')}   (thousands)`)
  console.log(`  heap    ${m.samples.map((s) => (s.heapUsed / MB).toFixed(1).padStart(6)).join('')}   MB`)
  console.log(`  rss     ${m.samples.map((s) => (s.rss / MB).toFixed(0).padStart(6)).join('')}   MB`)
  console.log(`  the 5 clients read ${m.readerEvents} events between them (${(m.readerEvents / 5).toFixed(0)} each)`)
  const ok = heap < TARGETS.heapGrowthMb * MB && peakHeap < TARGETS.heapGrowthMb * MB && rss < TARGETS.rssGrowthMb * MB
  console.log(`  growth: heap ${mb(heap)} (peak ${mb(peakHeap)}), rss ${mb(rss)}  (target flat: heap < ${TARGETS.heapGrowthMb} MB, rss < ${TARGETS.rssGrowthMb} MB: ${verdict(ok)})`)
  for (const c of f.slowCloses) console.log(`  note: ${c}`)
}
