import type { AlertMute } from '../alert-mute'
import type { HandlerMap } from './types'

/**
 * Muting alerts for every window at once. The Electron tray's menu calls the same command, so a
 * mute chosen there silences the browser windows on a hub too, and the other way round.
 */
export function alertHandlers(deps: { mute: AlertMute }): HandlerMap {
  return {
    'alerts.mute': async ({ minutes }) => ({ mutedUntil: deps.mute.mute(minutes) })
  }
}
