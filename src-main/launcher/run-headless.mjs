// The headless shell as `npm start`'s fallback: the same UI in a browser, with its address printed.
import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { log } from './paths.mjs'

/** Runs `switchboard serve`; resolves with the exit code to leave with (a signal death is 1). */
export function runHeadless({ root, args }) {
  return new Promise((resolve) => {
    const cli = path.join(root, 'out', 'main', 'cli.js')
    const child = spawn(process.execPath, [cli, 'serve', ...args], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let ready = null
      try {
        ready = JSON.parse(line)
      } catch {
        // not the ready line
      }
      if (ready?.ready) {
        log(`Switchboard is running in ${ready.simulator ? 'sandbox' : 'live'} mode.`)
        log(`Open this address in your browser: ${ready.ui}`)
        log('Press Ctrl+C to stop.')
        return
      }
      console.log(line)
    })
    const forward = (signal) => () => child.exitCode === null && child.kill(signal)
    const handlers = ['SIGINT', 'SIGTERM'].map((signal) => [signal, forward(signal)])
    for (const [signal, handler] of handlers) process.on(signal, handler)
    child.once('error', (error) => {
      log(`The headless shell could not be run: ${error.message}.`)
      resolve(1)
    })
    child.once('exit', (code) => {
      for (const [signal, handler] of handlers) process.off(signal, handler)
      resolve(code ?? 1)
    })
  })
}
