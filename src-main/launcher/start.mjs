// `npm start`: builds if needed, then opens the Electron window — or, where Electron cannot open one
// (no display, the runtime could not be downloaded, or it died while starting), runs the headless
// shell and prints the address to open in a browser. Flags after `--` go to Electron
// (`npm start -- --password-store=gnome-libsecret`); the headless shell gets the ones it knows.
// Exits non-zero when nothing could start.
import { headlessArgs } from './args.mjs'
import { build, needsBuild } from './build.mjs'
import { displayMissing, electronBlocker } from './electron-preflight.mjs'
import { ensureElectron } from './ensure-electron.mjs'
import { log, root } from './paths.mjs'
import { runElectron } from './run-electron.mjs'
import { runHeadless } from './run-headless.mjs'

async function main(argv) {
  if (needsBuild()) build()

  // Without a display no window can open, so there is no point fetching Electron at all.
  const noDisplay = displayMissing()
  const electron = noDisplay ? { why: noDisplay } : ensureElectron()
  let why = electron.why
  if (electron.binary) {
    why = electronBlocker({ binary: electron.binary, argv })
    if (!why) {
      const outcome = await runElectron({ binary: electron.binary, root, argv })
      if (!outcome.failed) return outcome.code
      why = outcome.failed
    }
  }
  log(`Opening Switchboard in your browser instead of a window, because ${why}.`)
  return runHeadless({ root, args: headlessArgs(argv) })
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    log(`Switchboard could not start: ${error instanceof Error ? error.message : String(error)}.`)
    process.exit(1)
  }
)
