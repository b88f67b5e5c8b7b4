/**
 * The one Switchboard window, locked down: isolated and sandboxed renderer, no Node, no popups,
 * no navigation away from the app, no webviews, no permissions, and a strict CSP.
 */
import { BrowserWindow, session } from 'electron'
import type { WebContents } from 'electron'
import type { AppUrlPolicy } from './app-url'
import { buildCsp, installCsp } from './csp'

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  preloadPath: string
  policy: AppUrlPolicy
  /** Window icon (Linux/Windows); optional. */
  icon?: string
}

/**
 * Guards any webContents against leaving the app: popups denied, foreign navigation and
 * redirects prevented, webviews refused. Applied to our window and, from main.ts, to every
 * webContents Electron creates.
 */
export function guardWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const blockForeign = (event: { preventDefault(): void; url: string }): void => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', blockForeign)
  contents.on('will-frame-navigate', blockForeign)
  contents.on('will-redirect', blockForeign)
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** Creates the window, installs the CSP and permission policy, and starts loading the app. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { policy } = options
  const defaultSession = session.defaultSession
  installCsp(defaultSession, buildCsp(policy.devOrigin))
  // The app needs no camera, microphone, geolocation or notifications permission from Chromium
  // (notifications are shown from the main process).
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  defaultSession.setPermissionCheckHandler(() => false)

  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Switchboard',
    icon: options.icon,
    backgroundColor: '#111418',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true
    }
  })
  guardWebContents(window.webContents, policy.isAppUrl)
  // Showing only once painted avoids a white flash in the dark theme.
  window.once('ready-to-show', () => window.show())
  void window.loadURL(policy.entryUrl)
  return window
}
