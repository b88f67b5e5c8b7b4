/**
 * Updates in the packaged app, from GitHub releases through electron-updater: the policy
 * (src-main/core/updates) decides when to check, download and restart; this wires it to the real
 * updater and to the session host's calls and turns. Off in unpackaged runs (`npm start`,
 * `npm run dev`), where the core says where updates come from instead.
 */
import electronUpdater from 'electron-updater'
import type { AppUpdater } from 'electron-updater'
import type { SessionLike } from '../core/session-types'
import type { Logger } from '../core/ports'
import { trackCallActivity, type ActivityHost } from '../core/updates/call-activity'
import { createUpdatePolicy, type UpdatePolicy } from '../core/updates/update-policy'
import { withUpdates, type UpdateSource } from './update-bridge'
import { electronUpdaterEngine } from './update-engine'

export const NOT_UPDATABLE_DETAIL =
  'This copy was not installed from an AppImage, a .deb, the macOS app or the Windows installer, so it does not update itself: download new versions from the GitHub releases page.'

export interface Updates {
  /** The session as the window sees it: with `update.*` answered here. */
  wrap(session: SessionLike): SessionLike
  policy: UpdatePolicy | null
  stop(): void
}

export interface UpdatesOptions {
  app: { isPackaged: boolean; getVersion(): string }
  host: ActivityHost
  logger: Logger
  /** electron-updater's updater for this kind of install (tests hand in their own). */
  updater?: () => AppUpdater
  firstCheckMs?: number
}

function fixed(status: ReturnType<UpdateSource['status']>): UpdateSource {
  return { status: () => status, onStatus: () => () => {}, restart: () => ({ ok: false, reason: status.detail }) }
}

/** Null when unpackaged: the core's own `update.*` answers apply. */
export function startUpdates(options: UpdatesOptions): Updates | null {
  if (!options.app.isPackaged) return null
  const { logger } = options
  const currentVersion = options.app.getVersion()
  let updater: AppUpdater
  try {
    updater = (options.updater ?? (() => electronUpdater.autoUpdater))()
    updater.logger = { info: (m) => logger.info(`updater: ${String(m)}`), warn: (m) => logger.warn(`updater: ${String(m)}`), error: (m) => logger.error(`updater: ${String(m)}`) }
  } catch (error) {
    logger.warn('updates are off: the updater could not start', { error: String(error) })
    return null
  }
  if (!updater.isUpdaterActive()) {
    // E.g. the unpacked folder or a zip on Linux: electron-updater has nothing it could replace.
    const source = fixed({ state: 'unavailable', currentVersion, version: null, percent: null, canRestart: false, heldBy: null, detail: NOT_UPDATABLE_DETAIL, checkedAt: null })
    return { wrap: (session) => withUpdates(session, source), policy: null, stop: () => {} }
  }
  const busy = trackCallActivity(options.host, logger)
  const policy = createUpdatePolicy({ engine: electronUpdaterEngine(updater), busy, currentVersion, logger, firstCheckMs: options.firstCheckMs })
  policy.start()
  return {
    wrap: (session) => withUpdates(session, policy),
    policy,
    stop() {
      policy.stop()
      busy.dispose()
    }
  }
}
