/**
 * Whether the real Electron runtime can run here, and why not. The `electron` package only holds a
 * downloader; the binary exists once `npm start` (or `node src-main/launcher/ensure-electron.mjs`)
 * fetched it. On Linux a window also needs a display, and root needs --no-sandbox.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

export type Runtime = { ok: true; binary: string; args: string[] } | { ok: false; reason: string }

export function detectElectronRuntime(env: NodeJS.ProcessEnv = process.env): Runtime {
  let binary: unknown
  try {
    binary = createRequire(import.meta.url)('electron')
  } catch (error) {
    return { ok: false, reason: `the Electron runtime is not installed (${(error as Error).message.split('\n')[0]}); run npm start once where it can be downloaded` }
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { ok: false, reason: `the Electron binary ${String(binary)} does not exist` }
  if (!existsSync(path.resolve('out/main/index.js'))) return { ok: false, reason: 'the app is not built (npm run build)' }
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { ok: false, reason: 'there is no display (set DISPLAY, e.g. under xvfb-run)' }
  const args = process.getuid?.() === 0 ? ['--no-sandbox'] : []
  return { ok: true, binary, args }
}
