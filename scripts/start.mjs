// `npm start`: builds if needed, then opens the Electron window — or, where the Electron runtime is
// missing (it could not be downloaded) or there is no display, runs the headless shell and prints
// the URL to open in a browser. Either way Switchboard starts in sandbox mode unless
// AGENTPHONE_API_KEY is set.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { ensureElectron } from './ensure-electron.mjs'
import path from 'node:path'
import readline from 'node:readline'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..')
const log = (msg) => console.log(`[switchboard] ${msg}`)

function newestMtime(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

function needsBuild() {
  const outputs = ['out/main/cli.js', 'out/main/index.js', 'out/web/index.html'].map((f) => path.join(root, f))
  if (outputs.some((f) => !existsSync(f))) return true
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs))
  return ['src-main', 'src-preload', 'src-renderer'].some((d) => newestMtime(path.join(root, d)) > built)
}

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (needsBuild()) {
  log('building (first start, or the sources changed)…')
  run('npx', ['electron-vite', 'build'])
  run('npx', ['vite', 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'])
}

// Without a display no window can open, so there is no point fetching Electron at all.
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
const electron = noDisplay ? { why: 'there is no display to open a window on' } : ensureElectron()
if (electron.binary) {
  const child = spawn(electron.binary, [root], { cwd: root, stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  log(`Opening the headless shell instead of a window: ${electron.why}.`)
  const args = [path.join(root, 'out/main/cli.js'), 'serve', ...process.argv.slice(2)]
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      const ready = JSON.parse(line)
      if (ready.ready) {
        log(`Switchboard is running in ${ready.simulator ? 'sandbox' : 'live'} mode.`)
        log(`Open this address in your browser: ${ready.ui}`)
        log('Press Ctrl+C to stop.')
        return
      }
    } catch {
      // not the ready line
    }
    console.log(line)
  })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code) => process.exit(code ?? 0))
}
