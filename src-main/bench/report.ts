/** The bench's figures and how they are printed; targets come from the "Webhooks you can trust" issue. */
export interface BenchFigures {
  /** Accepted deliveries per second. */
  bare: number
  express: number
  ours: number
  /** One small append + fdatasync on this disk, alone: the floor under any durable answer. */
  disk: { p50: number; p99: number }
  turns: Array<{ open: number; p50: number; p99: number }>
  memory: { before: NodeJS.MemoryUsage; after: NodeJS.MemoryUsage; ok: number; failed: number; seconds: number }
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

export function printTable(f: BenchFigures): void {
  const w = [58, 12, 12]
  console.log(row(['Throughput: accepted SMS deliveries/s (median of 3 rounds)', 'rate', 'vs bare'], w))
  console.log(row(['bare node:http (read body, 200)', f.bare.toFixed(0), '1.00'], w))
  console.log(row(['Express vendor example (parse, re-hash)', f.express.toFixed(0), (f.express / f.bare).toFixed(2)], w))
  console.log(row(['Switchboard receiver (verify + fdatasync)', f.ours.toFixed(0), (f.ours / f.bare).toFixed(2)], w))
  console.log(`  receiver / bare    = ${(f.ours / f.bare).toFixed(2)}  (target ≥ 0.50: ${verdict(f.ours / f.bare >= 0.5)})`)
  console.log(`  receiver / express = ${(f.ours / f.express).toFixed(2)}  (target > 1.00: ${verdict(f.ours > f.express)})\n`)

  console.log(row(['Voice turn: time to the interim line', 'p50', 'p99'], w))
  console.log(row(['(disk floor: one append + fdatasync)', `${f.disk.p50.toFixed(2)} ms`, `${f.disk.p99.toFixed(2)} ms`], w))
  for (const t of f.turns) console.log(row([`${t.open} open turn${t.open === 1 ? '' : 's'}`, `${t.p50.toFixed(2)} ms`, `${t.p99.toFixed(2)} ms`], w))
  const at200 = f.turns.find((t) => t.open === 200)
  if (at200) console.log(`  p99 at 200 open = ${at200.p99.toFixed(2)} ms  (target < 5 ms: ${verdict(at200.p99 < 5)})\n`)

  const { before, after } = f.memory
  const rss = after.rss - before.rss
  const heap = after.heapUsed - before.heapUsed
  console.log(`Memory over ${f.memory.ok} accepted events (${f.memory.failed} failed, ${f.memory.seconds.toFixed(1)} s), after GC:`)
  console.log(row(['', 'before', 'after'], w))
  console.log(row(['rss', mb(before.rss), mb(after.rss)], w))
  console.log(row(['heapUsed', mb(before.heapUsed), mb(after.heapUsed)], w))
  console.log(`  growth: rss ${mb(rss)}, heap ${mb(heap)}  (target < 50 MB: ${verdict(rss < 50 * MB && heap < 50 * MB)})`)
}
