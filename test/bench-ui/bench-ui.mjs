// `npm run bench:ui`: how the Monitor copes with many live calls, measured in a real browser
// against the BUILT app (build first: npx electron-vite build && npx vite build --config vite.web.config.ts).
//
// Starts the headless shell, opens the UI in Chromium, and drives sandbox calls over the bridge:
// first 1 call (the baseline), then 200 calls with 20,000 transcript lines across them. In the
// page it measures the main thread's longest task and how long a transcript line takes from its
// creation in the core (`transcript.turn` `at`) to showing in its Monitor row. Prints a table with
// PASS/FAIL per target; exits 0 either way (a failed run, e.g. no build, exits 1).
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { lineLatencies, percentile } from './analyse.mjs'
import { connectBridge } from './bridge.mjs'
import { launchChromium, printTable, runBench } from './harness.mjs'
import { createLoad } from './load.mjs'
import { installProbe, readProbe, resetProbe } from './probe.mjs'
import { startServe } from './serve.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const env = (name, fallback) => Number(process.env[name] ?? fallback)
const CALLS = env('BENCH_CALLS', 200)
const LINES = env('BENCH_LINES', 20_000)
const RATE = env('BENCH_CYCLES_PER_SECOND', 60) // 3 lines per cycle: ~180 lines a second
const MAX_MS = env('BENCH_MAX_SECONDS', 170) * 1000
const REPLY_AFTER_MS = 250 // a quick supervisor: the turn waits a quarter second for its answer
const TARGET_P95_MS = 100
const TARGET_TASK_MS = 200

const log = (msg) => console.log(`[bench:ui] ${msg}`)
const fmt = (n) => (Number.isFinite(n) ? n.toFixed(0) : 'n/a')

let bridge = null

/** One measured phase: `calls` calls, `lines` lines at `rate` cycles a second. */
/** Chromium's cumulative main-thread seconds (all tasks, and JavaScript alone) for this page. */
async function busySeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const get = (n) => metrics.find((m) => m.name === n)?.value ?? 0
  return { task: get('TaskDuration'), script: get('ScriptDuration') }
}

async function phase(name, { page, cdp, load, calls, lines, rate, maxMs }) {
  const ids = await load.dial(calls)
  await page.getByText(new RegExp(`\\b${load.calls.size} live\\b`)).first().waitFor({ timeout: 30_000 })
  await sleep(1000) // let the dial burst settle before measuring
  await page.evaluate(resetProbe)
  const from = Date.now()
  const busyBefore = await busySeconds(cdp)
  const result = await load.run({ lines, cyclesPerSecond: rate, maxMs, replyAfterMs: REPLY_AFTER_MS })
  await sleep(500) // the last lines reach the screen
  const busyAfter = await busySeconds(cdp)
  const seen = await page.evaluate(readProbe)
  const owned = new Map(ids.map((id) => [id, load.calls.get(id)]))
  const { latencies, unresolved } = lineLatencies(owned, seen.rows, from)
  const longest = seen.longTasks.length ? Math.max(...seen.longTasks) : 0
  const stats = {
    name,
    calls,
    lines: result.lines,
    seconds: result.elapsedMs / 1000,
    errors: result.errors,
    lastError: result.lastError,
    sampled: latencies.length,
    unresolved,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? NaN,
    longest,
    longTasks: seen.longTasks.length,
    longTaskSupported: seen.longTaskSupported,
    maxGap: seen.maxGap,
    gapsOver50: seen.gapsOver50,
    fps: seen.frames / (result.elapsedMs / 1000),
    // Share of wall time the page's main thread was busy, and JavaScript's part of it.
    busy: (100 * (busyAfter.task - busyBefore.task)) / (result.elapsedMs / 1000),
    script: (100 * (busyAfter.script - busyBefore.script)) / (result.elapsedMs / 1000)
  }
  log(`${name}: ${stats.lines} lines in ${stats.seconds.toFixed(1)} s, ${stats.sampled} lines timed on screen, p95 ${fmt(stats.p95)} ms, longest task ${fmt(longest)} ms`)
  await load.hangupAll()
  await page.getByText(/\b0 live\b/).first().waitFor({ timeout: 30_000 }).catch(() => undefined)
  return stats
}

function report(base, big) {
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a')
  const rows = [
    ['lines driven', base.lines, big.lines, '', ''],
    ['lines/s', base.lines / base.seconds, big.lines / big.seconds, '', ''],
    ['lines timed on screen', base.sampled, big.sampled, '', ''],
    ['row latency p50 (ms)', base.p50, big.p50, '', ''],
    ['row latency p95 (ms)', base.p95, big.p95, `< ${TARGET_P95_MS}`, big.p95 < TARGET_P95_MS && base.p95 < TARGET_P95_MS],
    ['row latency max (ms)', base.max, big.max, '', ''],
    ['longest task (ms)', base.longest, big.longest, `< ${TARGET_TASK_MS}`, Math.max(base.longest, big.longest, base.longTaskSupported ? 0 : Math.max(base.maxGap, big.maxGap)) < TARGET_TASK_MS],
    ['long tasks (> 50 ms)', base.longTasks, big.longTasks, '', ''],
    ['longest frame gap (ms)', base.maxGap, big.maxGap, '', ''],
    ['frames/s', base.fps, big.fps, '', ''],
    ['main thread busy (%)', base.busy, big.busy, '', ''],
    ['  of which JavaScript (%)', base.script, big.script, '', '']
  ]
  const head = ['metric', `${base.calls} call`, `${big.calls} calls`, 'ratio', 'target', 'result']
  const body = rows.map(([m, a, b, target, ok]) => [
    m,
    typeof a === 'number' ? fmt(a) : a,
    typeof b === 'number' ? fmt(b) : b,
    ratio(b, a),
    target,
    target ? (ok ? 'PASS' : 'FAIL') : ''
  ])
  printTable(head, body)
  for (const s of [base, big]) if (s.errors) console.log(`${s.name}: ${s.errors} bridge errors, last: ${s.lastError}`)
  if (!base.longTaskSupported) console.log('longtask entries are not supported here: the frame-gap monitor stands in for them')
}

async function main(parts) {
  const t0 = Date.now()
  // BENCH_OUT_DIR: measure another build (a copy of out/ with main/ and web/), e.g. before a change.
  const serve = (parts.serve = await startServe(ROOT, process.env.BENCH_OUT_DIR ? path.resolve(process.env.BENCH_OUT_DIR) : undefined))
  const browser = (parts.browser = await launchChromium())
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(serve.ready.ui)
  await page.getByRole('heading', { name: 'Monitor' }).waitFor({ timeout: 30_000 })
  await page.evaluate(installProbe)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')

  let load = null
  bridge = parts.bridge = await connectBridge(serve.ready.bridge, (event, data) => load?.onEvent(event, data))
  const status = await bridge.call('app.status')
  if (!status.sandbox) throw new Error('the headless shell did not start in sandbox mode')
  const to = status.sandbox.number.phoneNumber

  load = createLoad({ bridge, to })
  const base = await phase('baseline', { page, cdp, load, calls: 1, lines: 300, rate: 6, maxMs: 30_000 })
  load = createLoad({ bridge, to })
  const big = await phase('load', { page, cdp, load, calls: CALLS, lines: LINES, rate: RATE, maxMs: MAX_MS })
  report(base, big)
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
}

await runBench('bench:ui', main)
