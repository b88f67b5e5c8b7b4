// Where the launcher finds the project and its local tools. fileURLToPath, never URL.pathname: the
// latter stays percent-encoded ("My%20Projects") and is "/C:/…" on Windows.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The project root: src-main/launcher/ → two levels up. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

const require = createRequire(import.meta.url)

/**
 * The JavaScript file behind a package's command (e.g. `electron-vite`), to run with
 * `process.execPath`. No npx and no shell: on Windows `npx` is `npx.cmd`, which Node refuses to spawn
 * without `shell: true` since the April 2024 security release.
 */
export function binScript(pkg, name = pkg) {
  const manifestPath = require.resolve(`${pkg}/package.json`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[name]
  if (!bin) throw new Error(`${pkg} declares no "${name}" command`)
  return path.join(path.dirname(manifestPath), bin)
}

export const log = (msg) => console.log(`[switchboard] ${msg}`)
