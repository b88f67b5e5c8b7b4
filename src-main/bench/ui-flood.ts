import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'
import type playwrightModule from 'playwright-core'
import { ask, forkRole, startApp } from './app-processes'
import type { AppUnderTest } from './app-processes'
import type { ClientResult } from './load-client'
import { callerHeard, placeCall, REPLY, watchTurns } from './sim-call'

/**
 * The console under a flood: the real shell in live mode, the built UI in Chromium on Messages,
 * signed SMS from another process at a light pace (the baseline, 50/s) and then at 1,000/s, ten
 * seconds each, from ten senders (so every thread reaches its cap), one thread open meanwhile.
 * Four seconds into the flood a caller's turn opens and is answered from the alert. A second
 * flood shows whether memory stays where the first left it.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const BASELINE_PER_SECOND = 50
const FLOOD_PER_SECOND = 1000
const PHASE_MS = 10_000
const THREADS = 10
const TURN_AFTER_MS = 4_000
export const FLOOD_TARGETS = { longestTaskMs: 200, heapGrowthMb: 30 }

export interface PhaseFigures {
  perSecond: number
  sent: number
  failed: number
  /** How far behind schedule the load generator fell (the app not keeping up shows here). */
  lateMs: number
  longestTaskMs: number
  longTasks: number
  longestFrameGapMs: number
  busyPercent: number
  /** Of the main thread's time: JavaScript, style recalculation, layout (Chromium's own counters). */
  scriptPercent: number
  stylePercent: number
  layoutPercent: number
  /** After a full collection, once the phase is over. */
  heapMb: number
  domNodes: number
}

export interface FloodFigures {
  baseline: PhaseFigures
  flood: PhaseFigures
  again: PhaseFigures
  turn: { alertShownMs: number; callerHeardMs: number; heard: string } | { failed: string }
}

/** In the page: long tasks and the gaps between frames, from when `reset` is called. */
const PROBE = `(() => {
  const b = (window.__flood = { tasks: [], maxGap: 0, reset() { b.tasks = []; b.maxGap = 0 } })
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.tasks.push(e.duration) }).observe({ type: 'longtask' })
  let prev = performance.now()
  const frame = (now) => { b.maxGap = Math.max(b.maxGap, now - prev); prev = now; requestAnimationFrame(frame) }
  requestAnimationFrame(frame)
})()`

async function metric(cdp: CDPSession, name: string): Promise<number> {
  return (await metrics(cdp))[name] ?? 0
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> }
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]))
}

const TIMES = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'] as const

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  return usedSize / (1024 * 1024)
}

async function phase(app: AppUnderTest, page: Page, cdp: CDPSession, perSecond: number, during?: () => Promise<void>): Promise<PhaseFigures> {
  const load = forkRole(['--load-client'])
  try {
    await page.evaluate('window.__flood.reset()')
    const before = await metrics(cdp)
    const target = { ...app.target, threads: THREADS }
    const sending = ask<ClientResult>(load, { job: 'paced', url: app.receiverUrl, target, concurrency: 50, perSecond, durationMs: PHASE_MS })
    await during?.()
    const sent = await sending
    if (sent.job !== 'paced') throw new Error('unexpected answer')
    await new Promise((resolve) => setTimeout(resolve, 1000)) // the last batches reach the screen
    const after = await metrics(cdp)
    const [busy, script, style, layout] = TIMES.map((name) => (after[name] ?? 0) - (before[name] ?? 0)) as [number, number, number, number]
    const share = (part: number): number => (busy > 0 ? (100 * part) / busy : 0)
    const seen = (await page.evaluate('({ tasks: window.__flood.tasks, maxGap: window.__flood.maxGap })')) as { tasks: number[]; maxGap: number }
    return {
      perSecond,
      sent: sent.ok,
      failed: sent.failed,
      lateMs: sent.lateMs,
      longestTaskMs: Math.max(0, ...seen.tasks),
      longTasks: seen.tasks.length,
      longestFrameGapMs: seen.maxGap,
      busyPercent: (100 * busy) / ((PHASE_MS + 1000) / 1000),
      scriptPercent: share(script),
      stylePercent: share(style),
      layoutPercent: share(layout),
      heapMb: await heapMb(cdp),
      domNodes: await metric(cdp, 'Nodes')
    }
  } finally {
    load.disconnect()
  }
}

/** A person reading one of the threads while the texts pour in: its log grows to its cap. */
async function readThread(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Messages/ }).click()
  await page.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first().click()
  await page.getByRole('log', { name: 'Messages in this conversation' }).waitFor()
}

/**
 * Four seconds in, AgentPhone (the simulator) connects a call whose callee speaks; its turn waits
 * for a person, who answers it from the alert bar while the texts pour in. Timed from the shell's
 * own turn.opened (seen by a bridge client of the bench) to the alert on screen, and to the
 * caller's side (the simulator's transcript) holding the answer.
 */
async function answerDuringFlood(app: AppUnderTest, page: Page): Promise<FloodFigures['turn']> {
  await new Promise((resolve) => setTimeout(resolve, TURN_AFTER_MS))
  const turns = await watchTurns(app.bridgeUrl)
  try {
    const callId = await placeCall(app)
    const openedAt = await turns.opened(callId)
    const answer = page.getByRole('region', { name: 'Callers waiting for you' }).getByRole('button', { name: /^Answer/ })
    await answer.waitFor({ timeout: 20_000 })
    const alertShownMs = performance.now() - openedAt
    await answer.click()
    const box = page.getByLabel('Reply to caller')
    await box.fill(REPLY)
    await box.press('Enter')
    await callerHeard(app, callId, REPLY)
    const callerHeardMs = performance.now() - openedAt
    await readThread(page) // and back to the texts
    return { alertShownMs, callerHeardMs, heard: REPLY }
  } catch (error) {
    return { failed: error instanceof Error ? error.message.split('\n')[0]! : String(error) }
  } finally {
    turns.close()
  }
}

export async function measureFlood(): Promise<FloodFigures | string> {
  const staticDir = join(dirname(process.argv[1]!), '../web')
  if (!existsSync(join(staticDir, 'index.html'))) return 'skipped: build the UI first (npm run build)'
  if (!existsSync(CHROMIUM)) return `skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof playwrightModule
  const app = await startApp()
  let browser: Browser | null = null
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(app.uiUrl)
    await page.getByLabel('Mode: Live').waitFor({ timeout: 30_000 })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: /^Messages/ }).click()
    await page.evaluate(PROBE)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const baseline = await phase(app, page, cdp, BASELINE_PER_SECOND)
    await readThread(page)
    let turn: FloodFigures['turn'] = { failed: 'not run' }
    // BENCH_UI_PROFILE=<file>: the page's CPU profile during the first flood, for DevTools.
    const profile = process.env.BENCH_UI_PROFILE
    if (profile) await cdp.send('Profiler.enable').then(() => cdp.send('Profiler.start'))
    const flood = await phase(app, page, cdp, FLOOD_PER_SECOND, async () => void (turn = await answerDuringFlood(app, page)))
    if (profile) await writeFile(profile, JSON.stringify(((await cdp.send('Profiler.stop')) as { profile: unknown }).profile))
    await readThread(page)
    const again = await phase(app, page, cdp, FLOOD_PER_SECOND)
    // BENCH_UI_SHOT=<file.png>: what the console shows once the floods are over.
    if (process.env.BENCH_UI_SHOT) await page.screenshot({ path: process.env.BENCH_UI_SHOT })
    return { baseline, flood, again, turn }
  } finally {
    await browser?.close()
    await app.stop()
  }
}
