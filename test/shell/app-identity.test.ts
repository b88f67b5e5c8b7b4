import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { defaultDataDir } from '../../src-main/server/data-dir'
import { APP_USER_MODEL_ID, configureAppIdentity } from '../../src-main/shell/app-identity'
import { chooseLinuxKeyring, desktopRecognised, passwordStoreFor } from '../../src-main/shell/linux-keyring'
import { app, makeReady, resetElectronMock } from './mocks/electron'

vi.mock('electron', () => import('./mocks/electron'))

beforeEach(() => resetElectronMock())

describe('app identity', () => {
  it('one fixed name and folder, whatever package.json says, with Chromium kept apart', () => {
    app.name = 'switchboard'
    const identity = configureAppIdentity(app, { dev: false, platform: 'darwin' })
    expect(app.getName()).toBe('Switchboard')
    expect(identity.userData).toBe(path.join(app.base, 'appData', 'Switchboard'))
    expect(app.getPath('sessionData')).toBe(path.join(identity.userData, 'Chromium'))
    expect(app.appUserModelId).toBeNull()
  })

  it('gives npm run dev its own folder, and Windows its AppUserModelID', () => {
    expect(configureAppIdentity(app, { dev: true, platform: 'linux' }).userData).toBe(path.join(app.base, 'appData', 'Switchboard Dev'))
    resetElectronMock()
    configureAppIdentity(app, { dev: false, platform: 'win32' })
    expect(app.appUserModelId).toBe(APP_USER_MODEL_ID)
  })

  it('must run before ready (Electron ignores a later userData)', async () => {
    await makeReady()
    expect(() => configureAppIdentity(app, { dev: false })).toThrow(/after ready/)
  })

  it('the headless shell keeps a different folder on macOS and Windows, even ignoring case', () => {
    const electron = (appData: string) => path.join(appData, 'Switchboard').toLowerCase()
    expect(defaultDataDir({}, 'darwin', '/Users/me').toLowerCase()).not.toBe(electron('/Users/me/Library/Application Support'))
    expect(defaultDataDir({ APPDATA: 'C:\\\\Users\\\\me\\\\AppData\\\\Roaming' }, 'win32', 'C:\\\\Users\\\\me').toLowerCase()).not.toBe(electron('C:\\\\Users\\\\me\\\\AppData\\\\Roaming'))
    expect(defaultDataDir({}, 'linux', '/home/me')).toBe('/home/me/.local/share/switchboard')
  })
})

describe('Linux keyring choice', () => {
  const linux = (desktop: string, secretService = true, alreadyChosen = false) =>
    passwordStoreFor({ platform: 'linux', env: { XDG_CURRENT_DESKTOP: desktop }, alreadyChosen, secretService: () => secretService })

  it('asks for libsecret on desktops Chromium does not know, when a Secret Service answers', () => {
    expect(linux('sway')).toBe('gnome-libsecret')
    expect(linux('Hyprland')).toBe('gnome-libsecret')
    expect(linux('')).toBe('gnome-libsecret')
    expect(linux('sway', false)).toBeNull()
    expect(linux('sway', true, true)).toBeNull()
    expect(linux('ubuntu:GNOME')).toBeNull()
    expect(linux('KDE')).toBeNull()
    expect(desktopRecognised({ XDG_CURRENT_DESKTOP: 'X-Cinnamon' })).toBe(true)
    expect(passwordStoreFor({ platform: 'darwin', env: {}, alreadyChosen: false, secretService: () => true })).toBeNull()
  })

  it('appends the switch before ready, and leaves a person’s own choice alone', () => {
    app.switches.set('password-store', 'kwallet6')
    expect(chooseLinuxKeyring(app, 'linux', { XDG_CURRENT_DESKTOP: 'sway' })).toBeNull()
    expect(app.commandLine.appendSwitch).not.toHaveBeenCalled()
  })
})
