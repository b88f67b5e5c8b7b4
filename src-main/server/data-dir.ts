/**
 * Where the headless shell keeps its settings, secrets file and journal when no --data-dir is
 * given: `$SWITCHBOARD_DATA_DIR`, else the platform's usual place for an app's own data. On Linux
 * that is under ~/.local/share, apart from the Electron shell's ~/.config/Switchboard.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Each shell has its own folder, so neither ever reads the other's files (journal, config, secrets). */
export const HEADLESS_FOLDER = 'Switchboard Headless'

/** Resolves the default data folder. Pure: the environment and platform are passed in. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  const override = env.SWITCHBOARD_DATA_DIR
  if (override && override.trim() !== '') return override
  // Not "Switchboard": that is the Electron shell's folder, and these file systems ignore case.
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), HEADLESS_FOLDER)
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', HEADLESS_FOLDER)
  // Linux and the other Unixes follow the XDG base-directory spec.
  const xdg = env.XDG_DATA_HOME
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'switchboard')
}
