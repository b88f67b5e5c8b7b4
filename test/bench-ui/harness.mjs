// What every browser benchmark needs: Debian's Chromium with the flags this closed network wants,
// and a runner that stops what the run started (also on Ctrl+C) and turns a failure into exit 1.
import { chromium } from 'playwright-core'

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
  })
}

/** Runs `main(parts)`; whatever it puts in `parts` (serve, browser, bridge) is stopped at the end. */
export async function runBench(tag, main) {
  const parts = { serve: null, browser: null, bridge: null }
  const cleanup = async () => {
    parts.bridge?.close()
    await parts.browser?.close().catch(() => undefined)
    await parts.serve?.stop()
    parts.bridge = parts.browser = parts.serve = null
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => void cleanup().finally(() => process.exit(130)))
  try {
    await main(parts)
  } catch (err) {
    console.error(`[${tag}] failed: ${err instanceof Error ? err.stack : err}`)
    if (parts.serve) console.error(parts.serve.stderr().slice(-2000))
    process.exitCode = 1
  } finally {
    await cleanup()
  }
}

/** Prints rows of cells as an aligned plain-text table under `head`. */
export function printTable(head, body) {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)))
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ')
  console.log('')
  console.log(line(head))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const r of body) console.log(line(r))
  console.log('')
}
