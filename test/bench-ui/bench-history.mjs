/* global document, performance, requestAnimationFrame */
// `npm run bench:history`: search and History at size, against the BUILT app (build first:
// npx electron-vite build && npx vite build --config vite.web.config.ts).
//
// Writes a journal of 10,000 finished calls with 100,000 transcript lines, starts the headless
// shell on it, and waits until the core has read and indexed it all. Then:
// 1. search: `search.query` over the bridge, p50/p95 of many queries, against two baselines measured
//    in the same run: a bridge round trip that does nothing (`app.status`) and a plain linear scan of
//    the same 100,000 lines in this process (what search without an index would cost);
// 2. History in Chromium: scrolls the list from the top to the 10,000th call (pages load as it
//    goes) and back up, watching every frame and long task, against scrolling the same view
//    filtered to the last day (about a hundred calls) down and up for 20 seconds.
// Prints a table with PASS/FAIL per target; exits 0 either way (a failed run exits 1).
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { percentile } from './analyse.mjs'
import { connectBridge } from './bridge.mjs'
import { launchChromium, printTable, runBench } from './harness.mjs'
import { seeded, wordFrom, writeJournal } from './history-journal.mjs'
import { installProbe, readProbe, resetProbe } from './probe.mjs'
import { startServe } from './serve.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const env = (name, fallback) => Number(process.env[name] ?? fallback)
const CALLS = env('BENCH_HISTORY_CALLS', 10_000)
const LINES_PER_CALL = env('BENCH_HISTORY_LINES_PER_CALL', 10)
const QUERIES = env('BENCH_HISTORY_QUERIES', 300)
const TARGET_SEARCH_P95_MS = 50
const TARGET_FRAME_MS = 50

const log = (msg) => console.log(`[bench:history] ${msg}`)
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a')
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

let bridge = null

/** What people type: common and rare words, two words, a prefix, an order number. */
function queries(count) {
  const rnd = seeded(7)
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 5
    if (kind === 0) return wordFrom(rnd)
    if (kind === 1) return `${wordFrom(rnd)} ${wordFrom(rnd)}`
    if (kind === 2) return wordFrom(rnd).slice(0, 3)
    if (kind === 3) return String(1000 + Math.floor(rnd() * 9000))
    return `${wordFrom(rnd)} ${wordFrom(rnd)} ${wordFrom(rnd)}`
  })
}

async function timed(run) {
  const t = performance.now()
  await run()
  return performance.now() - t
}

/** The same question answered by reading every line: lower case, every word a substring. */
function linearScan(lines, query, limit) {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean)
  const hits = []
  for (let i = 0; i < lines.length && hits.length < limit; i++) {
    const l = lines[i].toLowerCase()
    if (terms.every((t) => l.includes(t))) hits.push(i)
  }
  return hits
}

async function searchPhase(lines) {
  const qs = queries(QUERIES)
  for (const q of qs.slice(0, 20)) await bridge.call('search.query', { text: q, limit: 50 }) // warm up
  const search = []
  const noop = []
  const scan = []
  let hits = 0
  for (const q of qs) {
    search.push(await timed(async () => (hits += (await bridge.call('search.query', { text: q, limit: 50 })).hits.length)))
    noop.push(await timed(() => bridge.call('app.status')))
    scan.push(await timed(async () => linearScan(lines, q, 50)))
  }
  for (const list of [search, noop, scan]) list.sort((a, b) => a - b)
  return { search, noop, scan, hits }
}

/**
 * Scrolls the History list 200 px a frame (a fast flick of the wheel, 12,000 px/s): down to its end
 * until no page is left to load, or (`up`) back to the top through rows already loaded.
 */
async function scroll(page, mode, timeoutMs) {
  return page.evaluate(
    async ({ limit, mode }) => {
      const box = document.querySelector('[role="listbox"][aria-label="Calls"]')
      const count = () => document.querySelector('#history-heading ~ .mono')?.textContent ?? ''
      const t0 = performance.now()
      // 'bounce': down and up again and again for the whole time (the baseline runs as long as the rest).
      let step = mode === 'up' ? -200 : 200
      while (performance.now() - t0 < limit) {
        await new Promise((r) => requestAnimationFrame(r))
        box.scrollTop += step
        const atEnd = box.scrollTop + box.clientHeight >= box.scrollHeight - 2
        if (mode === 'bounce') {
          if (atEnd) step = -200
          else if (box.scrollTop <= 0) step = 200
        } else if (mode === 'up' && box.scrollTop <= 0) break
        else if (mode === 'down' && atEnd && !count().includes('+') && box.getAttribute('aria-busy') !== 'true') break
      }
      return { ms: performance.now() - t0, shown: count(), rows: Math.round(box.scrollHeight / 44) }
    },
    { limit: timeoutMs, mode }
  )
}

async function scrollPhase(page, name, mode, timeoutMs = 180_000) {
  await page.evaluate(resetProbe)
  const result = await scroll(page, mode, timeoutMs)
  const seen = await page.evaluate(readProbe)
  const longest = seen.longTasks.length ? Math.max(...seen.longTasks) : 0
  log(`${name}: ${result.rows} rows in ${fmt(result.ms / 1000)} s (${result.shown}); longest frame gap ${fmt(seen.maxGap, 0)} ms, longest task ${fmt(longest, 0)} ms`)
  const seconds = result.ms / 1000
  return { ...result, maxGap: seen.maxGap, longest, longTasks: seen.longTasks.length, gapsOver50: seen.gapsOver50, gapsPerMinute: (60 * seen.gapsOver50) / seconds, fps: seen.frames / seconds, longTaskSupported: seen.longTaskSupported }
}

function table(rows) {
  const head = ['metric', 'baseline', 'measured', 'ratio', 'target', 'result']
  const body = rows.map(([m, a, b, target, ok]) => [m, fmt(a), fmt(b), Number.isFinite(a) && a > 0 ? `${(b / a).toFixed(2)}×` : 'n/a', target, target ? (ok ? 'PASS' : 'FAIL') : ''])
  printTable(head, body)
}

async function main(parts) {
  const t0 = Date.now()
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-history-'))
  const lines = writeJournal(dataDir, { calls: CALLS, linesPerCall: LINES_PER_CALL })
  log(`journal: ${CALLS} calls, ${lines.length} lines`)
  const serve = (parts.serve = await startServe(ROOT, process.env.BENCH_OUT_DIR ? path.resolve(process.env.BENCH_OUT_DIR) : undefined, dataDir))
  bridge = parts.bridge = await connectBridge(serve.ready.bridge, () => undefined)
  const started = Date.now()
  for (;;) {
    const { indexed } = await bridge.call('search.query', { text: 'order', limit: 1 })
    if (indexed.ready && indexed.lines >= lines.length) break
    if (Date.now() - started > 300_000) throw new Error(`the index did not get ready: ${JSON.stringify(indexed)}`)
    await sleep(250)
  }
  log(`read and indexed in ${fmt((Date.now() - started) / 1000)} s`)

  const s = await searchPhase(lines)
  log(`search: ${QUERIES} queries, ${s.hits} hits`)

  const browser = (parts.browser = await launchChromium())
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  await page.goto(serve.ready.ui)
  await page.getByRole('heading', { name: 'Monitor' }).waitFor({ timeout: 30_000 })
  await page.evaluate(installProbe)
  await page.getByRole('button', { name: 'History', exact: true }).click()
  await page.getByRole('listbox', { name: 'Calls' }).waitFor({ timeout: 30_000 })
  // The baseline: the same list filtered to the last day.
  const today = new Date()
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`
  await page.getByLabel('From').fill(day)
  await page.getByRole('listbox', { name: 'Calls' }).getByRole('option').first().waitFor({ timeout: 30_000 })
  const small = await scrollPhase(page, 'last day, scrolled down and up for 20 s', 'bounce', 20_000)
  await page.getByRole('button', { name: /Clear filters/ }).click()
  await page.getByRole('listbox', { name: 'Calls' }).getByRole('option').first().waitFor({ timeout: 30_000 })
  const big = await scrollPhase(page, 'every call, paging', 'down')
  const back = await scrollPhase(page, 'every call, back up', 'up')

  table([
    ['search p50 (ms) vs a do-nothing bridge call', percentile(s.noop, 50), percentile(s.search, 50), '', ''],
    ['search p95 (ms) vs a do-nothing bridge call', percentile(s.noop, 95), percentile(s.search, 95), `< ${TARGET_SEARCH_P95_MS}`, percentile(s.search, 95) < TARGET_SEARCH_P95_MS],
    ['search p95 (ms) vs a linear scan, no index', percentile(s.scan, 95), percentile(s.search, 95), '', ''],
    ['History rows scrolled', small.rows, big.rows, `${CALLS}`, big.rows >= CALLS],
    ['down, pages loading: longest frame gap (ms)', small.maxGap, big.maxGap, `< ${TARGET_FRAME_MS}`, big.maxGap < TARGET_FRAME_MS],
    ['down, pages loading: longest task (ms)', small.longest, big.longest, `< ${TARGET_FRAME_MS}`, big.longest < TARGET_FRAME_MS],
    ['down, pages loading: frame gaps over 50 ms a minute', small.gapsPerMinute, big.gapsPerMinute, '', ''],
    ['down, pages loading: frames/s', small.fps, big.fps, '', ''],
    ['back up, all loaded: longest frame gap (ms)', small.maxGap, back.maxGap, `< ${TARGET_FRAME_MS}`, back.maxGap < TARGET_FRAME_MS],
    ['back up, all loaded: longest task (ms)', small.longest, back.longest, `< ${TARGET_FRAME_MS}`, back.longest < TARGET_FRAME_MS],
    ['back up, all loaded: frame gaps over 50 ms a minute', small.gapsPerMinute, back.gapsPerMinute, '', ''],
    ['back up, all loaded: frames/s', small.fps, back.fps, '', '']
  ])
  if (!big.longTaskSupported) console.log('longtask entries are not supported here: the frame gaps stand in for them')
  log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s`)
}

await runBench('bench:history', main)
