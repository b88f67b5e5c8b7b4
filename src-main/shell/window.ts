/**
 * The one Switchboard window, locked down: isolated and sandboxed renderer, no Node, no popups, no
 * navigation away from the app, no webviews. It shows once painted, or after a short wait whatever
 * the page did (a page that never lays anything out must not leave an invisible app behind), and a
 * crashed renderer is reloaded.
 */
import { BrowserWindow, nativeTheme } from 'electron'
import type { WebContents } from 'electron'
import type { Clock, Logger } from '../core/ports'
import { silentLogger, systemClock } from '../core/ports'
import type { AppUrlPolicy } from './app-url'
import { attachContextMenu } from './context-menu'
import { askBeforeUnload } from './unload-prompt'

/** Shown after this long even without `ready-to-show`. */
export const SHOW_FALLBACK_MS = 3000
/** More crashes than this within a minute stop the automatic reloads (a page that crashes at once). */
const MAX_RELOADS_PER_MINUTE = 3

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  preloadPath: string
  policy: AppUrlPolicy
  /** Window icon (Linux/Windows); optional. */
  icon?: string
  /** Where the window was last (window-state.ts); a default size otherwise. */
  bounds?: { x?: number; y?: number; width: number; height: number }
  logger?: Logger
  clock?: Clock
  platform?: NodeJS.Platform
  /** False in a packaged build: no DevTools at all, not only no menu item for them. */
  devTools?: boolean
}

/** The background painted before the page: the OS theme's, so neither theme flashes the other. */
export const backgroundFor = (dark: boolean): string => (dark ? '#111418' : '#f7f8fa')

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

/** Creates the window and starts loading the app. Call after `ready` and after the session is prepared. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { policy } = options
  const logger = options.logger ?? silentLogger
  const clock = options.clock ?? systemClock
  const platform = options.platform ?? process.platform
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    ...options.bounds,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Switchboard',
    icon: options.icon,
    backgroundColor: backgroundFor(nativeTheme.shouldUseDarkColors),
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
      // Windows and Linux fetch hunspell dictionaries from a Google CDN; macOS checks locally.
      spellcheck: platform === 'darwin',
      devTools: options.devTools ?? true
    }
  })
  const contents = window.webContents
  guardWebContents(contents, policy.isAppUrl)
  attachContextMenu(window)
  askBeforeUnload(window)

  const followTheme = (): void => {
    if (!window.isDestroyed()) window.setBackgroundColor(backgroundFor(nativeTheme.shouldUseDarkColors))
  }
  nativeTheme.on('updated', followTheme)
  window.once('closed', () => nativeTheme.off('updated', followTheme))

  // Showing once painted avoids a white flash; the timer covers a page that never paints.
  const fallback = clock.after(SHOW_FALLBACK_MS, () => {
    if (window.isDestroyed() || window.isVisible()) return
    logger.warn('the page did not paint in time; showing the window anyway')
    window.show()
  })
  window.once('ready-to-show', () => {
    fallback.cancel()
    if (!window.isVisible()) window.show()
  })
  window.once('closed', () => fallback.cancel())

  // Electron swallows loadURL rejections; say what failed instead of leaving a blank window silent.
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (isMainFrame) logger.error('the window could not load the app', { code, description, url })
  })
  const reloads: number[] = []
  contents.on('render-process-gone', (_event, details) => {
    const now = clock.now()
    while (reloads.length > 0 && now - reloads[0]! > 60_000) reloads.shift()
    logger.error('the window renderer stopped', { reason: details.reason, exitCode: details.exitCode })
    if (details.reason === 'clean-exit' || window.isDestroyed() || reloads.length >= MAX_RELOADS_PER_MINUTE) return
    reloads.push(now)
    contents.reload()
  })

  window.loadURL(policy.entryUrl).catch((error: unknown) => logger.error('loadURL failed', { url: policy.entryUrl, error: String(error) }))
  return window
}

/** Brings the window to the front: shown, restored if minimised, focused (a notification click, a relaunch). */
export function bringToFront(window: BrowserWindow): void {
  if (window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  if (!window.isVisible()) window.show()
  window.focus()
}
