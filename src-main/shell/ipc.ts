/**
 * The one wrapper around ipcMain. Every contract command gets a handler; nothing else does. A
 * call is served only when it comes from our window's main frame showing our app; everything
 * crosses back as BridgeResult data, never as a thrown error. Events go the other way in batches.
 */
import { LOCAL_OWNER } from '../../src-preload/command-roles'
import type { BrowserWindow, IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import type { BridgeErrorPayload, BridgeResult } from '../../src-preload/contract'
import { commandNames, EVENTS_CHANNEL } from '../../src-preload/contract'
import { FOCUS_WINDOW_CHANNEL } from '../../src-preload/shell-channels'
import { createEventBatcher } from '../core/event-batcher'
import type { Clock, Logger } from '../core/ports'
import { silentLogger } from '../core/ports'
import type { SessionLike } from '../core/session-types'
// The same params rule as the WebSocket bridge: one definition for both transports.
import { isPlainObject } from '../core/plain-object'

export interface IpcBindingOptions {
  ipcMain: IpcMain
  session: SessionLike
  window: BrowserWindow
  /** From app-url.ts: the URLs whose frames may call us. */
  isAppUrl(url: string): boolean
  clock?: Clock
  logger?: Logger
  maxFlushesPerSecond?: number
  /** The page asked to be brought to the front (window.focus() from a notification click). */
  onFocusRequest?: () => void
}

function refusal(error: BridgeErrorPayload): BridgeResult<never> {
  return { ok: false, error }
}

/**
 * Whether an invoke came from our window's top frame while it shows our app. A subframe, another
 * webContents, or our frame after navigating elsewhere (should the guards ever fail) is refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent | IpcMainEvent, window: BrowserWindow, isAppUrl: (url: string) => boolean): boolean {
  if (window.isDestroyed() || event.sender !== window.webContents) return false
  const frame = event.senderFrame
  const main = window.webContents.mainFrame
  if (!frame || frame.parent !== null) return false
  if (frame.processId !== main.processId || frame.frameToken !== main.frameToken) return false
  return isAppUrl(frame.url)
}

/** Registers the command handlers and the event pump; the returned function undoes both. */
export function bindIpc(options: IpcBindingOptions): () => void {
  const { ipcMain, session, window, isAppUrl } = options
  const logger = options.logger ?? silentLogger

  for (const name of commandNames) {
    ipcMain.handle(name, async (event, params: unknown): Promise<BridgeResult<unknown>> => {
      if (!isTrustedSender(event, window, isAppUrl)) {
        logger.warn('IPC from a foreign sender dropped', { channel: name, url: event.senderFrame?.url ?? null })
        return refusal({ code: 'not_available', message: 'Refused: the call did not come from the Switchboard window.' })
      }
      // A missing params is the same as {} (read commands take none), as on the WebSocket bridge.
      const input = params === undefined ? {} : params
      if (!isPlainObject(input)) return refusal({ code: 'invalid_params', message: 'params must be an object' })
      try {
        // The window is the hub's own machine: the local owner, who alone may choose the base URL.
        return await session.invoke(name, input, LOCAL_OWNER)
      } catch (error) {
        // The session answers errors as data; a throw is a bug, and its internals stay here.
        logger.error('session.invoke threw', { channel: name, error: String(error) })
        return refusal({ code: 'internal', message: 'internal error' })
      }
    })
  }

  const batcher = createEventBatcher({
    clock: options.clock,
    logger,
    maxFlushesPerSecond: options.maxFlushesPerSecond,
    flush: (batch) => {
      if (window.isDestroyed() || window.webContents.isDestroyed()) return
      window.webContents.send(EVENTS_CHANNEL, batch)
    }
  })
  const unsubscribe = session.onEvent((event) => batcher.push(event))

  const onFocus = (event: IpcMainEvent): void => {
    if (isTrustedSender(event, window, isAppUrl)) options.onFocusRequest?.()
  }
  ipcMain.on(FOCUS_WINDOW_CHANNEL, onFocus)

  return () => {
    ipcMain.removeListener(FOCUS_WINDOW_CHANNEL, onFocus)
    unsubscribe()
    batcher.stop()
    for (const name of commandNames) ipcMain.removeHandler(name)
  }
}
