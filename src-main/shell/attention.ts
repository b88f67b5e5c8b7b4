/**
 * Desktop attention for waiting callers, counted in the main process from the session host's
 * events (turn.opened / turn.closed, re-read from turns.list when the session restarts): the dock
 * or taskbar badge (an overlay icon on Windows, which has no badge count), the tray, a flash of the
 * window frame when a turn starts waiting and the window is not focused, and — with no window open
 * (macOS keeps the app running) — a notification from the main process. Muting (alerts.mute)
 * silences the flash and the notification; the counts stay.
 */
import type { BrowserWindow, NativeImage } from 'electron'
import type { BridgeEvent, BridgeResult } from '../../src-preload/contract'
import type { Clock, Logger } from '../core/ports'
import { silentLogger, systemClock } from '../core/ports'
import type { TrayView } from './tray'

export interface AttentionHost {
  onEvent(listener: (event: BridgeEvent) => void): () => void
  invoke(method: string, params: unknown): Promise<BridgeResult<unknown>>
}

export interface AttentionOptions {
  host: AttentionHost
  app: { setBadgeCount(count?: number): boolean }
  window(): BrowserWindow | null
  tray: TrayView | null
  platform?: NodeJS.Platform
  /** The Windows taskbar overlay shown while someone waits. */
  overlay?: NativeImage
  /** No window to flash: say it another way (a main-process notification). */
  notifyWithoutWindow?(waiting: number, transcript: string): void
  clock?: Clock
  logger?: Logger
}

export interface Attention {
  waiting(): number
  muted(): boolean
  dispose(): void
}

export function startAttention(options: AttentionOptions): Attention {
  const { host } = options
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? silentLogger
  const platform = options.platform ?? process.platform
  const open = new Set<string>()
  let mutedUntil: string | null = null
  const muted = (): boolean => mutedUntil !== null && Date.parse(mutedUntil) > clock.now()
  const flashed = new WeakSet<BrowserWindow>()

  const render = (): void => {
    const count = open.size
    if (platform === 'win32') {
      const window = options.window()
      if (window && !window.isDestroyed()) window.setOverlayIcon(count > 0 ? (options.overlay ?? null) : null, count > 0 ? `${count} waiting` : '')
    } else {
      options.app.setBadgeCount(count)
    }
    options.tray?.update(count, muted() ? mutedUntil : null)
    if (count === 0) stopFlash()
  }

  const stopFlash = (): void => {
    const window = options.window()
    if (window && !window.isDestroyed()) window.flashFrame(false)
  }

  const turnStarted = (transcript: string): void => {
    if (muted()) return
    const window = options.window()
    if (!window || window.isDestroyed()) {
      options.notifyWithoutWindow?.(open.size, transcript)
      return
    }
    if (window.isFocused()) return
    if (!flashed.has(window)) {
      flashed.add(window)
      // Stop when the person comes back; Electron leaves it flashing otherwise (macOS bounces once).
      window.on('focus', () => window.flashFrame(false))
    }
    window.flashFrame(true)
  }

  /** After a restart (mode switch, port change) the new session's open turns are the truth. */
  const resync = async (): Promise<void> => {
    const [turns, status] = await Promise.all([host.invoke('turns.list', {}), host.invoke('app.status', {})])
    if (turns.ok) {
      open.clear()
      for (const turn of (turns.value as { items: Array<{ turnId: string }> }).items) open.add(turn.turnId)
    }
    if (status.ok) mutedUntil = (status.value as { alertsMutedUntil?: string | null }).alertsMutedUntil ?? null
    render()
  }

  const off = host.onEvent((event) => {
    if (event.event === 'turn.opened') {
      if (open.has(event.data.turnId)) return
      open.add(event.data.turnId)
      render()
      turnStarted(event.data.transcript)
    } else if (event.event === 'turn.closed') {
      if (open.delete(event.data.turnId)) render()
    } else if (event.event === 'alerts.muted') {
      mutedUntil = event.data.mutedUntil
      if (muted()) stopFlash()
      render()
    } else if (event.event === 'app.status') {
      resync().catch((error: unknown) => logger.warn('could not re-read the open turns', { error: String(error) }))
    }
  })
  resync().catch((error: unknown) => logger.warn('could not read the open turns', { error: String(error) }))

  return { waiting: () => open.size, muted, dispose: off }
}
