/**
 * A stand-in for the `electron` module that follows Electron's documented behaviour for everything
 * the shell and the preload use, so a call Electron would refuse fails a test here too. Wire it with
 * `vi.mock('electron', () => import('./mocks/electron'))` and call `resetElectronMock()` per test;
 * `makeReady()` is the app's `ready` (most APIs refuse to work before it).
 */
import { vi } from 'vitest'
import { app, makeReady } from './electron-app'
import { contextBridge, ipcMain, ipcRenderer, mainWorld, safeStorage } from './electron-bridge'
import { globals } from './electron-state'
import { protocol, session } from './electron-session'
import { clipboard, dialog, MainNotification, Menu, nativeImage, nativeTheme, powerMonitor, screen, shell, Tray } from './electron-ui'
import { BrowserWindow } from './electron-window'

export { app, makeReady } from './electron-app'
export { contextBridge, ipcMain, ipcRenderer, mainWorld, safeStorage } from './electron-bridge'
export { notificationPermission, protocol, requestPermission, session, showPageNotification } from './electron-session'
export { clipboard, dialog, Menu, NativeImage, nativeImage, nativeTheme, powerMonitor, screen, shell, Tray } from './electron-ui'
export { MainNotification as Notification } from './electron-ui'
export { BrowserWindow, MockEvent, MockWebContents, MockWebFrame, pageBehaviour } from './electron-window'

/** An IPC event as if sent by `contents` from `frame` (its main frame unless told otherwise). */
export function ipcEvent(contents: { mainFrame: unknown }, frame: unknown = contents.mainFrame): unknown {
  return { sender: contents, senderFrame: frame, processId: (frame as { processId?: number } | null)?.processId ?? 0, frameId: 1 }
}

/** Puts every part back to its first state: not ready, no windows, no handlers. */
export function resetElectronMock(): void {
  const g = globals()
  g.ready = false
  for (const reset of g.resets) reset()
  vi.clearAllMocks()
}

export default {
  app,
  BrowserWindow,
  clipboard,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  nativeTheme,
  Notification: MainNotification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  Tray,
  makeReady,
  mainWorld
}
