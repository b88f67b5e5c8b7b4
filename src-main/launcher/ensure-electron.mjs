// Fetches the Electron runtime when it is missing, and reports instead of failing when it cannot:
// without Electron, `npm start` falls back to the headless shell in a browser. Run directly
// (`node src-main/launcher/ensure-electron.mjs`, as `npm run dev` does) it exits 1 with the reason.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
/** Long enough for ~100 MB on a slow link; Electron's downloader keeps a finished zip in its cache. */
const DOWNLOAD_TIMEOUT_MS = 30 * 60_000

/** @returns {{ binary: string } | { why: string }} */
export function ensureElectron() {
  let dir
  try {
    dir = path.dirname(require.resolve('electron/package.json'))
  } catch {
    return { why: 'the electron package is not installed' }
  }
  const installed = readBinary()
  if (installed) return { binary: installed }
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return { why: 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so the Electron runtime was not downloaded' }

  console.log('[switchboard] downloading the Electron runtime (first start only)…')
  const result = spawnSync(process.execPath, [path.join(dir, 'install.js')], { cwd: dir, stdio: ['ignore', 'inherit', 'pipe'], timeout: DOWNLOAD_TIMEOUT_MS, encoding: 'utf8' })
  const binary = result.status === 0 ? readBinary() : null
  if (binary) return { binary }
  const detail = (result.stderr || String(result.error ?? 'unknown error')).trim().split('\n').find((l) => /Error/.test(l)) ?? 'download failed'
  const proxy = process.env.HTTPS_PROXY || process.env.https_proxy ? '; behind a proxy set ELECTRON_GET_USE_PROXY=1' : ''
  return { why: `the Electron runtime could not be downloaded (${detail.trim()}${proxy})` }
}

function readBinary() {
  try {
    delete require.cache[require.resolve('electron')]
    const binary = require('electron') // the package exports the path of the downloaded binary
    return typeof binary === 'string' && existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const electron = ensureElectron()
  if (!electron.binary) {
    console.error(`[switchboard] npm run dev needs the Electron runtime: ${electron.why}.`)
    process.exit(1)
  }
}
