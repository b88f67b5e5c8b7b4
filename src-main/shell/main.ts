/**
 * The Electron main process: a thin shell over the core. One instance; on ready it starts the
 * session host (which decides the mode), opens the window and binds IPC; on quit it stops the
 * session before exiting.
 */
import { fileURLToPath } from 'node:url'
import { app, dialog, ipcMain, safeStorage } from 'electron'
import type { BrowserWindow } from 'electron'
import type { Logger } from '../core/ports'
import { startSessionHost } from '../core/session-host'
import type { SessionHost } from '../core/session-host'
import { createAppUrlPolicy } from './app-url'
import { bindIpc } from './ipc'
import { createSafeSecretStore } from './secrets'
import { createSettingsStore } from './settings-store'
import { createMainWindow, guardWebContents } from './window'

const logger: Logger = {
  info: (message, fields) => console.info(`[switchboard] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[switchboard] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[switchboard] ${message}`, fields ?? '')
}

const policy = createAppUrlPolicy({
  // electron-vite sets this in dev only; a packaged app never trusts it.
  devUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL,
  rendererIndex: fileURLToPath(new URL('../renderer/index.html', import.meta.url))
})
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url))

let session: SessionHost | null = null
let window: BrowserWindow | null = null
let unbindIpc: (() => void) | null = null
let quitting = false

function openWindow(current: SessionHost): void {
  const created = createMainWindow({ preloadPath, policy })
  window = created
  unbindIpc = bindIpc({ ipcMain, session: current, window: created, isAppUrl: policy.isAppUrl, logger })
  created.on('closed', () => {
    unbindIpc?.()
    unbindIpc = null
    window = null
  })
}

async function start(): Promise<void> {
  const settings = createSettingsStore()
  const stored = createSafeSecretStore({
    safeStorage,
    store: createSettingsStore({ name: 'secrets' }),
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
    dataDir: app.getPath('userData'),
    logger,
    settings,
    secrets: stored,
    version: app.getVersion()
  })
  openWindow(session)
}

if (!app.requestSingleInstanceLock()) {
  // Another Switchboard is running: it gets focus (second-instance below), this one leaves.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.focus()
  })
  // Defence in depth: whatever webContents appears (devtools aside) gets the same guards.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy.isAppUrl))
  app.on('activate', () => {
    if (!window && session) openWindow(session)
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('before-quit', (event) => {
    if (quitting || !session) return
    // Stop the session (receiver, journal, simulator) before the process goes.
    event.preventDefault()
    quitting = true
    unbindIpc?.()
    session
      .stop()
      .catch((error: unknown) => logger.error('session did not stop cleanly', { error: String(error) }))
      .finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('Switchboard could not start', { error: String(error) })
      dialog.showErrorBox('Switchboard could not start', error instanceof Error ? error.message : String(error))
      app.exit(1)
    })
}
