import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import type playwrightModule from 'playwright-core'
import type { AppStatus } from '../../src-preload/contract'
import { memorySecrets, memoryStore } from '../core/ports'
import { startSessionHost } from '../core/session-host'
import { startHeadlessServer } from '../server/headless-server'
import { startInstantModel } from './fake-model'
import { percentile } from './report'

const WARMUP = 5
const SAMPLES = 60
const TARGET_P95_MS = 50
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Runs in the page: stamps (wall-clock ms) when the composer first shows the waiting turn (the
 * baseline: turn.opened's own arrival, through the store, rendered) and when it first shows the
 * copilot's draft. A string, so the node-side typecheck needs no DOM names.
 */
const PROBE = `(() => {
  const wall = () => performance.timeOrigin + performance.now()
  const shown = () => b.turnShown !== null && b.draftShown !== null
  const gone = () => !document.querySelector('.composer-deadline') && !document.querySelector('[data-copilot-draft]')
  const b = (window.__copilotBench = {
    turnShown: null,
    draftShown: null,
    waiters: [],
    until(what) {
      const test = what === 'shown' ? shown : gone
      return new Promise((resolve) => (test() ? resolve(true) : b.waiters.push(() => test() && (resolve(true), true))))
    }
  })
  new MutationObserver(() => {
    if (b.turnShown === null && document.querySelector('.composer-deadline')) b.turnShown = wall()
    if (b.draftShown === null && document.querySelector('[data-copilot-draft="in-box"]')) b.draftShown = wall()
    b.waiters = b.waiters.filter((w) => !w())
  }).observe(document.body, { childList: true, subtree: true, characterData: true })
})()`

/** Waits in the page (no polling, no eval: the page's CSP allows neither) for the probe to see `what`. */
async function until(page: Page, what: 'shown' | 'gone'): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`the page never showed the ${what} state`)), 15_000)))
  try {
    await Promise.race([page.evaluate(`window.__copilotBench.until('${what}')`), late])
  } finally {
    clearTimeout(timer)
  }
}

export interface CopilotFigures {
  samples: number
  /** turn.opened in the core → the waiting turn shown in the renderer. */
  turnShown: { p50: number; p95: number }
  /** turn.opened in the core → the first words of the draft shown in the reply box. */
  draftShown: { p50: number; p95: number }
  /** turn.opened → the first copilot.draft event, both in the core (the model round trip). */
  inCore: { p50: number; p95: number }
  /** Per turn: how much later the draft showed than the turn itself. */
  overDraft: { p50: number; p95: number }
}

/**
 * The copilot's own overhead, over the real bridge: the headless shell and a sandbox session in
 * this process, the built UI in Chromium, a model that answers at once. Each sample is one caller
 * turn, timed from the core's turn.opened to what the person sees.
 */
export async function measureCopilot(): Promise<CopilotFigures | string> {
  const staticDir = fileURLToPath(new URL('../web', import.meta.url))
  if (!existsSync(join(staticDir, 'index.html'))) return 'skipped: build the UI first (npm run build)'
  if (!existsSync(CHROMIUM)) return `skipped: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)`
  const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof playwrightModule
  const model = await startInstantModel()
  const dataDir = await mkdtemp(join(tmpdir(), 'sb-bench-copilot-'))
  const host = await startSessionHost({
    mode: 'sandbox',
    dataDir,
    settings: memoryStore({ copilot: { mode: 'suggest', baseUrl: model.baseURL, model: 'bench-model' } }),
    secrets: memorySecrets({ copilotApiKey: 'bench-key' })
  })
  const server = await startHeadlessServer({ session: host, staticDir })
  let browser: Browser | null = null
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
    await page.goto(`${server.url}/#token=${server.token}`)
    await page.getByLabel('Mode: Sandbox').waitFor()
    const status = host.status() as AppStatus
    const dialled = await host.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })
    if (!dialled.ok) throw new Error(dialled.error.message)
    const { callId } = dialled.value as { callId: string }
    await page.getByRole('listbox', { name: 'Live calls' }).getByRole('option').first().click()
    await page.getByLabel('Reply to caller').waitFor()
    await page.evaluate(PROBE)

    const turn = { at: 0, id: '', draftAt: 0 }
    host.onEvent((e) => {
      const now = performance.timeOrigin + performance.now()
      if (e.event === 'turn.opened') Object.assign(turn, { at: now, id: e.data.turnId, draftAt: 0 })
      if (e.event === 'copilot.draft' && e.data.turnId === turn.id && !turn.draftAt) turn.draftAt = now
    })
    const inCore: number[] = []
    const turnShown: number[] = []
    const draftShown: number[] = []
    for (let i = 0; i < WARMUP + SAMPLES; i++) {
      await page.evaluate('window.__copilotBench.turnShown = null; window.__copilotBench.draftShown = null')
      await host.invoke('sandbox.say', { callId, text: `Question number ${i}?` })
      await until(page, 'shown')
      const seen = (await page.evaluate('({ turnShown: window.__copilotBench.turnShown, draftShown: window.__copilotBench.draftShown })')) as { turnShown: number; draftShown: number }
      if (i >= WARMUP) {
        turnShown.push(seen.turnShown - turn.at)
        draftShown.push(seen.draftShown - turn.at)
        inCore.push(turn.draftAt - turn.at)
      }
      await host.invoke('turns.reply', { turnId: turn.id, text: 'Noted.' })
      await until(page, 'gone')
    }
    const stats = (v: number[]) => ({ p50: percentile(v, 50), p95: percentile(v, 95) })
    return { samples: SAMPLES, turnShown: stats(turnShown), draftShown: stats(draftShown), inCore: stats(inCore), overDraft: stats(draftShown.map((d, i) => d - turnShown[i]!)) }
  } finally {
    await browser?.close()
    await server.close()
    await host.stop()
    await model.stop()
    await rm(dataDir, { recursive: true, force: true })
  }
}

export function printCopilot(f: CopilotFigures | string): void {
  console.log('\nCopilot: from a turn opening in the core to the browser showing it (instant fake model, real bridge, Chromium)')
  // The figures move with what else the machine runs: say how busy it was.
  console.log(`  load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`)
  if (typeof f === 'string') return void console.log(`  ${f}`)
  const row = (name: string, s: { p50: number; p95: number }): string => `${name.padEnd(62)}${`${s.p50.toFixed(1)} ms`.padStart(11)}  ${`${s.p95.toFixed(1)} ms`.padStart(11)}`
  console.log(`${''.padEnd(62)}${'p50'.padStart(11)}  ${'p95'.padStart(11)}`)
  console.log(row('baseline: turn.opened → the waiting turn shown', f.turnShown))
  console.log(row("turn.opened → the draft's first words shown in the reply box", f.draftShown))
  console.log(row('  of which in the core: turn.opened → first copilot.draft', f.inCore))
  console.log(row("the copilot's own overhead: draft shown − turn shown, per turn", f.overDraft))
  console.log(`  ${f.samples} turns; overhead p95 = ${f.overDraft.p95.toFixed(1)} ms  (target < ${TARGET_P95_MS} ms: ${f.overDraft.p95 < TARGET_P95_MS ? 'met' : 'MISSED'})`)
}
