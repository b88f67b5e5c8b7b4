// Builds what `npm start` runs, when an output is missing or older than the sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { binScript, log, root } from './paths.mjs'

/** Every file both shells load: if one is missing, the app cannot start. */
export const OUTPUTS = ['out/main/index.js', 'out/main/cli.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/web/index.html']
const SOURCES = ['src-main', 'src-preload', 'src-renderer', 'electron.vite.config.ts', 'vite.web.config.ts']

function newestMtime(target) {
  if (!existsSync(target)) return 0
  const info = statSync(target)
  if (!info.isDirectory()) return info.mtimeMs
  let newest = 0
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
  return newest
}

export function needsBuild(base = root) {
  const outputs = OUTPUTS.map((f) => path.join(base, f))
  if (outputs.some((f) => !existsSync(f))) return true
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs))
  return SOURCES.some((s) => newestMtime(path.join(base, s)) > built)
}

function run(label, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
  if (result.error) throw new Error(`${label} could not run: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${label} failed (exit ${result.status ?? result.signal})`)
}

/** Builds the Electron parts and the browser renderer; throws with a plain reason on failure. */
export function build() {
  log('building (first start, or the sources changed)…')
  run('electron-vite build', [binScript('electron-vite'), 'build'])
  run('the browser build', [binScript('vite'), 'build', '--config', 'vite.web.config.ts', '--logLevel', 'warn'])
}
