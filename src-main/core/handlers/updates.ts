/**
 * The core's own answer about updates. The core never installs anything: only the packaged
 * Electron app does, and its shell answers `update.*` itself before a call reaches here. So when
 * the core answers, this copy is a checkout (`npm start`, `npm run dev`) or the headless shell,
 * and its updates come from wherever the code came from.
 */
import type { UpdateStatus } from '../../../src-preload/contract'
import { CoreError } from '../errors'
import type { HandlerMap } from './types'

export const FROM_SOURCE_DETAIL =
  'This copy does not update itself: it runs from source or as the headless shell, so updates come from git (git pull, then npm install) or your package manager; the installed app updates from GitHub releases.'

export function unavailableUpdateStatus(currentVersion: string): UpdateStatus {
  return { state: 'unavailable', currentVersion, version: null, percent: null, canRestart: false, heldBy: null, detail: FROM_SOURCE_DETAIL, checkedAt: null }
}

export function updateHandlers(ctx: { version: string }): HandlerMap {
  return {
    'update.status': async () => unavailableUpdateStatus(ctx.version),
    'update.restart': async () => {
      throw new CoreError('not_available', FROM_SOURCE_DETAIL)
    }
  }
}
