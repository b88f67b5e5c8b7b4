/**
 * Wires the attention channels to the app: the tray's actions go through the session host
 * (`alerts.mute`, exactly as a renderer would call it), its Show and a notification's click bring
 * the window forward, and Quit quits.
 */
import path from 'node:path'
import { app, nativeImage, Notification } from 'electron'
import type { BrowserWindow } from 'electron'
import type { Logger } from '../core/ports'
import { silentLogger } from '../core/ports'
import { startAttention, type Attention, type AttentionHost } from './attention'
import { createTray } from './tray'

export interface DesktopAttentionOptions {
  host: AttentionHost
  window(): BrowserWindow | null
  reveal(): void
  /** resources/ */
  resources: string
  platform?: NodeJS.Platform
  logger?: Logger
}

export function startDesktopAttention(options: DesktopAttentionOptions): Attention & { stop(): void } {
  const logger = options.logger ?? silentLogger
  const platform = options.platform ?? process.platform
  const mute = (minutes: number): void => {
    options.host.invoke('alerts.mute', { minutes }).then(
      (result) => (result.ok ? undefined : logger.warn('alerts.mute was refused', { error: result.error.message })),
      (error: unknown) => logger.error('alerts.mute failed', { error: String(error) })
    )
  }
  let tray = null
  try {
    tray = createTray(options.resources, { show: options.reveal, mute, quit: () => app.quit() }, platform)
  } catch (error) {
    // Some Linux desktops have no tray (GNOME without the AppIndicator extension): the rest still works.
    logger.warn('no tray icon on this desktop', { error: String(error) })
  }
  const attention = startAttention({
    host: options.host,
    app,
    window: options.window,
    tray,
    platform,
    overlay: nativeImage.createFromPath(path.join(options.resources, 'tray', 'overlay-waiting.png')),
    notifyWithoutWindow: (waiting, transcript) => {
      if (!Notification.isSupported()) return
      const note = new Notification({ title: waiting > 1 ? `${waiting} callers are waiting` : 'A caller is waiting for you', body: transcript ? `“${transcript.slice(0, 120)}”` : '' })
      note.on('click', options.reveal)
      note.show()
    },
    logger
  })
  return {
    ...attention,
    stop() {
      attention.dispose()
      tray?.destroy()
    }
  }
}
