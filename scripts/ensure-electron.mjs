// Fetches the Electron runtime when the machine can, and never fails the install when it cannot:
// without Electron, `npm start` falls back to the headless shell in a browser.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)

function electronDir() {
  try {
    return path.dirname(require.resolve('electron/package.json'))
  } catch {
    return null
  }
}

const dir = electronDir()
if (!dir) process.exit(0)
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[switchboard] ELECTRON_SKIP_BINARY_DOWNLOAD is set: skipping the Electron runtime; `npm start` will use the headless shell.')
  process.exit(0)
}
if (existsSync(path.join(dir, 'path.txt'))) process.exit(0)

const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
  cwd: dir,
  stdio: ['ignore', 'inherit', 'pipe'],
  timeout: 180_000,
  encoding: 'utf8'
})
if (result.status === 0) process.exit(0)
const why = (result.stderr || String(result.error ?? 'unknown error')).trim().split('\n').slice(-1)[0]
console.log(`[switchboard] The Electron runtime could not be downloaded (${why}).`)
console.log('[switchboard] That is fine: `npm start` will run Switchboard as a headless shell you open in a browser.')
process.exit(0)
