/**
 * The Electron main process: a thin shell over the core. One instance; before `ready` it fixes the
 * app's identity (name, data folder), the Linux keyring choice and the app's URL scheme; on ready
 * it starts the session host (which decides the mode), opens the window and binds IPC; on quit it
 * stops the session before exiting.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { app, dialog, ipcMain, powerMonitor, protocol, safeStorage, screen } from 'electron'
import type { BrowserWindow } from 'electron'
import type { KeyValueStore, Logger } from '../core/ports'
import { startSessionHost } from '../core/session-host'
import type { SessionHost } from '../core/session-host'
import { configureAppIdentity } from './app-identity'
import { registerAppScheme } from './app-protocol'
import { createAppUrlPolicy } from './app-url'
import { startDesktopAttention } from './desktop-attention'
import { installDesktopMenu } from './desktop-menu'
import { bindIpc } from './ipc'
import { chooseLinuxKeyring } from './linux-keyring'
import { openLogFile, switchableLogger } from './log-file'
import { prepareSession } from './prepare-session'
import { createQuitController } from './quit-controller'
import { createSafeSecretStore, SAFE_SECRETS_FILE } from './secrets'
import { acquireSingleInstanceLock, DEV_LOCK_WAIT_MS } from './single-instance'
import { createSettingsStore } from './settings-store'
import { startUpdates, type Updates } from './updates'
import { bringToFront, createMainWindow, guardWebContents } from './window'
import { rememberWindowState, restoredBounds, WINDOW_STATE_KEY } from './window-state'

// The console until the log file is open (after ready), then the file.
const logger = switchableLogger({
  info: (message, fields) => console.info(`[switchboard] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[switchboard] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[switchboard] ${message}`, fields ?? '')
} satisfies Logger)
let recentLogLines: () => string[] = () => []

// electron-vite sets ELECTRON_RENDERER_URL in dev only (npm start removes it); packaged, never trusted.
const devUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
const policy = createAppUrlPolicy({ devUrl })
// Everything below until `ready` must happen before it: Electron ignores these later.
const identity = configureAppIdentity(app, { dev: policy.devOrigin !== null })
const keyring = chooseLinuxKeyring(app)
registerAppScheme(protocol)

const rendererDir = fileURLToPath(new URL('../renderer', import.meta.url))
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))
const resources = fileURLToPath(new URL('../../resources', import.meta.url))

let session: SessionHost | null = null
let starting: Promise<void> | null = null
let window: BrowserWindow | null = null
let unbindIpc: (() => void) | null = null
let windowStore: KeyValueStore | null = null
let attention: { stop(): void } | null = null
let updates: Updates | null = null

function openWindow(current: SessionHost): BrowserWindow {
  const { bounds, maximized } = restoredBounds(windowStore?.get(WINDOW_STATE_KEY), screen.getAllDisplays())
  const created = createMainWindow({ preloadPath, policy, logger, bounds, icon: path.join(resources, 'icon.png'), devTools: !app.isPackaged })
  if (maximized) created.maximize()
  if (windowStore) rememberWindowState(created, windowStore)
  window = created
  unbindIpc = bindIpc({ ipcMain, session: updates?.wrap(current) ?? current, window: created, isAppUrl: policy.isAppUrl, logger, onFocusRequest: () => bringToFront(created) })
  // Windows logoff or shutdown: Electron skips before-quit, so stop here (the journal is synced).
  created.on('session-end', () => void quit.stopNow())
  created.on('closed', () => {
    unbindIpc?.()
    unbindIpc = null
    window = null
  })
  return created
}

/** A relaunch, a dock click, a tray Show: the window comes forward, made anew if it was closed. */
function revealWindow(): void {
  if (window && !window.isDestroyed()) bringToFront(window)
  else if (session && quit.state() === 'running') openWindow(session)
}

async function start(): Promise<void> {
  try {
    const file = await openLogFile(identity.userData, { echo: !app.isPackaged })
    logger.use(file.logger)
    recentLogLines = () => file.recent.lines()
    app.on('will-quit', () => file.flush())
    logger.info('starting', { version: app.getVersion(), userData: identity.userData, logs: file.dir })
  } catch (error) {
    logger.warn('no log file; logging to the console only', { error: String(error) })
  }
  if (keyring) logger.info(`no keyring backend for this desktop; asked Electron for --password-store=${keyring}`)
  prepareSession(policy, rendererDir)
  // Linux and macOS shutdown: preventDefault asks the OS to wait while the session stops (the
  // typings omit the event the docs describe).
  const onShutdown = (event?: { preventDefault?(): void }): void => {
    event?.preventDefault?.()
    void quit.stopNow().then(() => app.quit())
  }
  powerMonitor.on('shutdown', onShutdown as () => void)
  const settings = createSettingsStore({ cwd: identity.userData, logger })
  windowStore = createSettingsStore({ cwd: identity.userData, name: 'window-state', logger })
  const stored = createSafeSecretStore({
    safeStorage,
    store: createSettingsStore({ cwd: identity.userData, name: SAFE_SECRETS_FILE, logger }),
    logger,
    onUnavailable: (message) => {
      if (window) void dialog.showMessageBox(window, { type: 'warning', title: 'Secure storage unavailable', message })
    }
  })
  const availability = stored.availability()
  if (!availability.available) logger.warn(availability.reason ?? 'secure storage unavailable')

  // Which key wins and which mode a start begins in are the core's rules (core/start-rules.ts).
  session = await startSessionHost({
    env: process.env,
    dataDir: identity.userData,
    logger,
    settings,
    secrets: stored,
    version: app.getVersion(),
    recentLogLines: () => recentLogLines()
  })
  // A quit that came while the session was starting: stop what just started.
  if (quit.state() !== 'running') return
  const host = session
  installDesktopMenu({ host, packaged: app.isPackaged, logsDir: path.join(identity.userData, 'logs'), logger })
  // Packaged only: electron-updater from GitHub releases, never restarting over a live call.
  updates = startUpdates({ app, host, logger })
  openWindow(host)
  attention = startDesktopAttention({ host, window: () => window, reveal: revealWindow, resources, logger })
}

const quit = createQuitController({
  app,
  // A quit during start waits for the session to exist, then stops it.
  stop: () => (starting ? starting.catch(() => undefined).then(() => session?.stop()) : null),
  beforeStop: () => {
    unbindIpc?.()
    unbindIpc = null
    attention?.stop()
    attention = null
    updates?.stop()
  },
  logger
})

function begin(): void {
  app.on('second-instance', revealWindow)
  // Defence in depth: every webContents Electron creates gets the same guards (DevTools' too,
  // which never navigates anywhere a guard would stop).
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy.isAppUrl))
  app.on('activate', revealWindow)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  starting = app.whenReady().then(start)
  starting.catch((error: unknown) => {
    logger.error('Switchboard could not start', { error: String(error) })
    dialog.showErrorBox('Switchboard could not start', error instanceof Error ? error.message : String(error))
    app.exit(1)
  })
}

// Another Switchboard running gets focus (second-instance) and this one leaves; in dev, the old
// instance may still be stopping, so the lock is retried for a while.
if (app.requestSingleInstanceLock()) begin()
else if (!identity.dev) app.quit()
else {
  void acquireSingleInstanceLock(app, { waitMs: DEV_LOCK_WAIT_MS }).then((locked) => (locked ? begin() : app.quit()))
}
