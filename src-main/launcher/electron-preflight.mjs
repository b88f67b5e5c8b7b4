// Reasons Electron will not open a window here, found before trying, so the person reads one plain
// sentence instead of a Chromium FATAL line. Each check is cheap and only answers what it is sure of.
import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

function readFlag(file) {
  try {
    return readFileSync(file, 'utf8').trim()
  } catch {
    return null
  }
}

/**
 * Whether unprivileged user namespaces are refused: Chromium's sandbox then needs the setuid
 * chrome-sandbox helper (Ubuntu 23.10+ restricts them through AppArmor; some kernels turn them off).
 */
function userNamespacesRefused(proc = '/proc/sys/kernel') {
  return readFlag(path.join(proc, 'apparmor_restrict_unprivileged_userns')) === '1' || readFlag(path.join(proc, 'unprivileged_userns_clone')) === '0'
}

/** On Linux a window needs an X11 or Wayland display; elsewhere there always is one. */
export function displayMissing(env = process.env, platform = process.platform) {
  return platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY ? 'there is no display to open a window on' : null
}

/**
 * @param {{ binary: string, argv: string[], env?: NodeJS.ProcessEnv, platform?: NodeJS.Platform, uid?: number | null, proc?: string }} o
 * @returns {string | null} why Electron cannot start, or null to go ahead
 */
export function electronBlocker(o) {
  const platform = o.platform ?? process.platform
  if (platform !== 'linux') return null
  const noDisplay = displayMissing(o.env, platform)
  if (noDisplay) return noDisplay
  const uid = o.uid === undefined ? (process.getuid?.() ?? null) : o.uid
  const noSandbox = o.argv.includes('--no-sandbox')
  if (uid === 0 && !noSandbox) return 'Electron does not run as root unless started with --no-sandbox (npm start -- --no-sandbox)'
  const helper = path.join(path.dirname(o.binary), 'chrome-sandbox')
  if (!noSandbox && existsSync(helper) && userNamespacesRefused(o.proc)) {
    const info = statSync(helper)
    const configured = info.uid === 0 && (info.mode & 0o4777) === 0o4755
    if (!configured) {
      return `this system refuses Chromium's user-namespace sandbox and ${helper} is not owned by root with mode 4755 (fix: sudo chown root "${helper}" && sudo chmod 4755 "${helper}")`
    }
  }
  return null
}

/** Recognises the reasons Electron prints when it dies at start; null when none matches. */
export function reasonFromOutput(text) {
  if (/Running as root without --no-sandbox is not supported/.test(text)) return 'Electron does not run as root unless started with --no-sandbox'
  if (/SUID sandbox helper binary was found, but is not configured correctly/.test(text)) return "Chromium's sandbox helper (chrome-sandbox) is not set up on this system"
  if (/Missing X server or \$DISPLAY|cannot open display|Failed to connect to Wayland display/i.test(text)) return 'the display could not be opened'
  const library = /error while loading shared libraries: ([^:\s]+)/.exec(text)
  if (library) return `a system library Electron needs is missing (${library[1]})`
  return null
}
