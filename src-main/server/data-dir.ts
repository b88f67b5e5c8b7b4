/**
 * Where the headless shell keeps its settings, secrets file and journal when no --data-dir is
 * given: `$SWITCHBOARD_DATA_DIR`, else the platform's usual place for an app's own data.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Resolves the default data folder. Pure: the environment and platform are passed in. */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir()
): string {
  const override = env.SWITCHBOARD_DATA_DIR
  if (override && override.trim() !== '') return override
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Switchboard')
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Switchboard')
  // Linux and the other Unixes follow the XDG base-directory spec.
  const xdg = env.XDG_DATA_HOME
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), 'switchboard')
}
