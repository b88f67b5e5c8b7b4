/**
 * Quitting with an asynchronous stop. Electron emits `before-quit` again on every `app.quit()`,
 * Cmd+Q, Ctrl+C or SIGTERM, so "stopping" and "stopped" are two states: every quit while stopping is
 * held until the stop settles, and a stop that hangs is cut short so the process never lingers
 * windowless, holding the single-instance lock. Windows logoff and system shutdown take the same
 * stop (Electron skips `before-quit` there).
 */
import type { App } from 'electron'
import type { Clock, Logger } from '../core/ports'
import { silentLogger, systemClock } from '../core/ports'

export const STOP_TIMEOUT_MS = 10_000

export interface QuitControllerOptions {
  app: Pick<App, 'on' | 'quit' | 'exit' | 'releaseSingleInstanceLock'>
  /** Stops the core; null while there is nothing to stop (it has not started). */
  stop: () => Promise<void> | null
  /** Runs first, synchronously (e.g. unbinding IPC so no command arrives mid-stop). */
  beforeStop?: () => void
  logger?: Logger
  clock?: Clock
  timeoutMs?: number
}

export type QuitState = 'running' | 'stopping' | 'stopped'

export interface QuitController {
  state(): QuitState
  /** Starts the stop (if not started) and resolves once it settled or timed out. */
  stopNow(): Promise<void>
}

export function createQuitController(options: QuitControllerOptions): QuitController {
  const { app } = options
  const logger = options.logger ?? silentLogger
  const clock = options.clock ?? systemClock
  let state: QuitState = 'running'
  let stopping: Promise<void> | null = null
  let timedOut = false

  const stopNow = (): Promise<void> => {
    if (stopping) return stopping
    state = 'stopping'
    options.beforeStop?.()
    stopping = new Promise<void>((resolve) => {
      const timer = clock.after(options.timeoutMs ?? STOP_TIMEOUT_MS, () => {
        timedOut = true
        logger.error('the session did not stop in time; leaving anyway')
        resolve()
      })
      Promise.resolve(options.stop())
        .catch((error: unknown) => logger.error('session did not stop cleanly', { error: String(error) }))
        .finally(() => {
          timer.cancel()
          resolve()
        })
    }).then(() => {
      state = 'stopped'
      // Let a relaunch through as soon as the journal and ports are free.
      app.releaseSingleInstanceLock()
    })
    return stopping
  }

  let quitRequested = false
  app.on('before-quit', (event) => {
    if (state === 'stopped') return
    event.preventDefault()
    // The first quit (even one that joins a logoff stop already under way) leaves once it settled.
    if (quitRequested) return
    quitRequested = true
    void stopNow().then(() => (timedOut ? app.exit(1) : app.quit()))
  })

  return { state: () => state, stopNow }
}
