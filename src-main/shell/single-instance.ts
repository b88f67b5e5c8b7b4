/**
 * The single-instance lock. Under `electron-vite dev` a rebuilt main process is started while the
 * old one is still stopping (electron-vite does not wait), so there the lock is retried for a while
 * instead of the new instance quitting at once and taking the dev server down with it.
 */
import type { Clock } from '../core/ports'
import { systemClock } from '../core/ports'

export const DEV_LOCK_WAIT_MS = 15_000
const RETRY_EVERY_MS = 250

export async function acquireSingleInstanceLock(app: { requestSingleInstanceLock(): boolean }, options: { waitMs: number; clock?: Clock }): Promise<boolean> {
  const clock = options.clock ?? systemClock
  const deadline = clock.now() + options.waitMs
  for (;;) {
    if (app.requestSingleInstanceLock()) return true
    if (clock.now() >= deadline) return false
    await new Promise<void>((resolve) => clock.after(RETRY_EVERY_MS, resolve))
  }
}
