/**
 * Who the app is to the OS, fixed before `ready`: its name (which names the data folder, the macOS
 * keychain item "Switchboard Safe Storage" and the libsecret application), where it keeps its data,
 * and its Windows AppUserModelID (toasts stay invisible without one under `npm start`).
 *
 * The folder is set explicitly rather than left to package.json, so renaming the package can never
 * move it and orphan the encrypted secrets. Chromium's own files (caches, local storage) go to a
 * subfolder, apart from the journal and settings. `npm run dev` gets a folder (and a lock) of its
 * own, so it never shares data with the installed app.
 */
import path from 'node:path'
import type { App } from 'electron'

export const PRODUCT_NAME = 'Switchboard'
export const APP_USER_MODEL_ID = 'com.switchboard.desktop'

export interface AppIdentity {
  name: string
  /** Settings, secrets, journal, logs, window state. */
  userData: string
  dev: boolean
}

type IdentityApp = Pick<App, 'setName' | 'getPath' | 'setPath' | 'setAppUserModelId'> & { commandLine: Pick<App['commandLine'], 'getSwitchValue'> }

/** Call at the top of the main entry, before `ready`. */
export function configureAppIdentity(app: IdentityApp, options: { dev: boolean; platform?: NodeJS.Platform }): AppIdentity {
  const name = options.dev ? `${PRODUCT_NAME} Dev` : PRODUCT_NAME
  app.setName(name)
  // --user-data-dir (tests, a second profile) wins; otherwise <appData>/Switchboard.
  const chosen = app.commandLine.getSwitchValue('user-data-dir')
  const userData = chosen ? path.resolve(chosen) : path.join(app.getPath('appData'), name)
  app.setPath('userData', userData)
  app.setPath('sessionData', path.join(userData, 'Chromium'))
  if ((options.platform ?? process.platform) === 'win32') app.setAppUserModelId(options.dev ? process.execPath : APP_USER_MODEL_ID)
  return { name, userData, dev: options.dev }
}
