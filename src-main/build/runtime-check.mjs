/* global fetch, AbortSignal */
// Before electron-builder starts: can the Electron runtime it packages be had? electron-builder
// downloads Electron's zip for each platform and arch (with retries, then a stack trace); this
// asks first, with one request per zip, and answers with a sentence a person can act on.
import { existsSync, readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/'
const PROBE_TIMEOUT_MS = 20_000

/** Where @electron/get and electron-builder keep downloaded zips (a warm cache needs no network). */
export function cacheRoots(env = process.env, platform = process.platform) {
  const home = env.HOME || env.USERPROFILE || os.homedir()
  const base =
    platform === 'darwin' ? path.join(home, 'Library', 'Caches') : platform === 'win32' ? (env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local')) : (env.XDG_CACHE_HOME ?? path.join(home, '.cache'))
  return [env.electron_config_cache, env.ELECTRON_CACHE, env.ELECTRON_BUILDER_CACHE, path.join(base, 'electron'), path.join(base, 'electron-builder')].filter(Boolean)
}

function findFile(dir, name, depth) {
  if (!existsSync(dir)) return null
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry)
    if (entry === name) return full
    if (depth > 0 && statSync(full).isDirectory()) {
      const found = findFile(full, name, depth - 1)
      if (found) return found
    }
  }
  return null
}

/** The mirror @electron/get would use: ELECTRON_MIRROR (or npm's electron_mirror config), else GitHub. */
export function electronMirror(env = process.env) {
  const chosen = env.ELECTRON_MIRROR ?? env.npm_config_electron_mirror ?? env.NPM_CONFIG_ELECTRON_MIRROR
  return chosen ? (chosen.endsWith('/') ? chosen : `${chosen}/`) : DEFAULT_MIRROR
}

/**
 * @returns {Promise<{ ok: true, zips: string[] } | { ok: false, reason: string }>} ok when every
 * zip is cached or its download answers; otherwise why not, as one sentence.
 */
export async function checkElectronRuntime({ version, targets, env = process.env, fetchImpl = fetch, timeoutMs = PROBE_TIMEOUT_MS }) {
  const zips = []
  for (const { platform, arch } of targets) {
    const file = `electron-v${version}-${platform}-${arch}.zip`
    if (cacheRoots(env).some((root) => findFile(root, file, 3))) {
      zips.push(file)
      continue
    }
    const url = `${electronMirror(env)}v${version}/${file}`
    let why = null
    try {
      const response = await fetchImpl(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) })
      if (!response.ok) why = `${new URL(url).host} answered HTTP ${response.status}`
    } catch (error) {
      const cause = error?.cause?.code ?? error?.cause?.message ?? error?.name ?? String(error)
      why = `${new URL(url).host} could not be reached: ${cause}`
    }
    if (why) {
      return {
        ok: false,
        reason: `npm run dist cannot build here: the Electron ${version} runtime for ${platform}-${arch} (${file}) cannot be downloaded (${why}), so run it where that download works (set ELECTRON_MIRROR for a mirror) or push a v* tag and let the release workflow build the installers.`
      }
    }
    zips.push(file)
  }
  return { ok: true, zips }
}
