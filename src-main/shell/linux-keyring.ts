/**
 * Linux secret storage on desktops Electron does not recognise. Chromium picks libsecret or KWallet
 * only for the desktops it knows (GNOME, Cinnamon, XFCE, KDE…) and falls back to `basic_text` (no
 * encryption) elsewhere — sway, i3, Hyprland — even with gnome-keyring running. When a Secret
 * Service answers on D-Bus there, we ask for it with `--password-store=gnome-libsecret`, which must
 * be appended before `ready`.
 */
import { spawnSync } from 'node:child_process'

/** XDG_CURRENT_DESKTOP names Chromium maps to a keyring backend. */
const RECOGNISED = ['gnome', 'unity', 'x-cinnamon', 'cinnamon', 'pantheon', 'xfce', 'ukui', 'deepin', 'kde']

export function desktopRecognised(env: NodeJS.ProcessEnv): boolean {
  const parts = (env.XDG_CURRENT_DESKTOP ?? '').toLowerCase().split(':')
  return parts.some((part) => RECOGNISED.includes(part.trim()))
}

/** Whether something owns org.freedesktop.secrets on the session bus (gnome-keyring, KeePassXC…). */
export function secretServiceRunning(run: typeof spawnSync = spawnSync): boolean {
  const result = run(
    'dbus-send',
    ['--session', '--print-reply', '--dest=org.freedesktop.DBus', '/org/freedesktop/DBus', 'org.freedesktop.DBus.NameHasOwner', 'string:org.freedesktop.secrets'],
    { encoding: 'utf8', timeout: 1500 }
  )
  return result.status === 0 && /boolean true/.test(String(result.stdout))
}

export interface KeyringChoice {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  /** Whether the person already chose (`npm start -- --password-store=…`). */
  alreadyChosen: boolean
  secretService: () => boolean
}

/** The `--password-store` value to append, or null to leave Electron's choice alone. */
export function passwordStoreFor(choice: KeyringChoice): string | null {
  if (choice.platform !== 'linux' || choice.alreadyChosen || desktopRecognised(choice.env)) return null
  return choice.secretService() ? 'gnome-libsecret' : null
}

/** Appends the switch when it helps; returns what was appended (for the log). */
export function chooseLinuxKeyring(app: { commandLine: { hasSwitch(name: string): boolean; appendSwitch(name: string, value?: string): void } }, platform = process.platform, env = process.env): string | null {
  const store = passwordStoreFor({ platform, env, alreadyChosen: app.commandLine.hasSwitch('password-store'), secretService: () => secretServiceRunning() })
  if (store) app.commandLine.appendSwitch('password-store', store)
  return store
}
