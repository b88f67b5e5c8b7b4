// npm run dist [-- electron-builder options]: the installers for this platform (resources/electron-builder.yml)
// in out/installers. Where the Electron runtime cannot be downloaded it says so in one sentence
// and exits 1; it never publishes unless asked (`--publish always`, as the release workflow does).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { build, needsBuild } from '../launcher/build.mjs'
import { binScript, root } from '../launcher/paths.mjs'
import { checkElectronRuntime } from './runtime-check.mjs'
import { signingEnvironment } from './signing-env.mjs'

const PLATFORM_FLAGS = { linux: ['--linux', '-l'], darwin: ['--mac', '--macos', '-m', '-o'], win32: ['--win', '--windows', '-w'] }
const ARCHES = ['x64', 'arm64', 'ia32', 'armv7l', 'universal']
const CONFIG_KEYS = { linux: 'linux', darwin: 'mac', win32: 'win' }
/**
 * The builder's configuration, kept with the build resources because the repository's top level is
 * fixed. Paths inside it (output, files, icons, the afterPack hook) are relative to the project
 * folder, which is the builder's working directory here, so the file's own folder does not matter.
 */
export const BUILDER_CONFIG = path.join('resources', 'electron-builder.yml')

/** Which Electron zips electron-builder will need for these arguments. */
export function runtimeTargets(args, config, host = { platform: process.platform, arch: process.arch }) {
  const platforms = Object.keys(PLATFORM_FLAGS).filter((p) => PLATFORM_FLAGS[p].some((flag) => args.includes(flag)))
  const archFlags = ARCHES.filter((a) => args.includes(`--${a}`))
  const targets = []
  for (const platform of platforms.length ? platforms : [host.platform]) {
    const configured = (config?.[CONFIG_KEYS[platform]]?.target ?? []).flatMap((t) => (typeof t === 'object' && Array.isArray(t.arch) ? t.arch : []))
    const arches = archFlags.length ? archFlags : configured.length ? [...new Set(configured)] : [host.arch]
    // A universal mac app is made from both zips.
    for (const arch of arches.flatMap((a) => (a === 'universal' ? ['x64', 'arm64'] : [a]))) targets.push({ platform, arch })
  }
  return targets.filter((t, i) => targets.findIndex((u) => u.platform === t.platform && u.arch === t.arch) === i)
}

/** What electron-builder is given: ours, plus our config file and no publishing unless the arguments say otherwise. */
export function builderArgs(args) {
  const given = (long, short) => args.some((a) => a === long || a === short || a.startsWith(`${long}=`))
  return [...args, ...(given('--config', '-c') ? [] : ['--config', BUILDER_CONFIG]), ...(given('--publish', '-p') ? [] : ['--publish', 'never'])]
}

async function main() {
  const args = process.argv.slice(2)
  const config = parse(readFileSync(path.join(root, BUILDER_CONFIG), 'utf8'))
  const require = createRequire(import.meta.url)
  const version = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
  const check = config.electronDist ? { ok: true } : await checkElectronRuntime({ version, targets: runtimeTargets(args, config) })
  if (!check.ok) {
    console.error(`[switchboard] ${check.reason}`)
    return 1
  }
  if (needsBuild()) build()
  const { env, summary } = signingEnvironment(process.env)
  console.log(`[switchboard] packaging Switchboard (${summary})`)
  const result = spawnSync(process.execPath, [binScript('electron-builder'), ...builderArgs(args)], { cwd: root, env, stdio: 'inherit' })
  if (result.error) {
    console.error(`[switchboard] electron-builder could not run: ${result.error.message}`)
    return 1
  }
  if (result.status === 0) console.log(`[switchboard] installers are in ${path.join('out', 'installers')}`)
  return result.status ?? 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      // A plain reason, never a stack trace: what failed is in the message.
      console.error(`[switchboard] npm run dist failed: ${error instanceof Error ? error.message : String(error)}`)
      process.exit(1)
    }
  )
}
