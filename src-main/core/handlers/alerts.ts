/**
 * Muting the attention channels for a while (the tray's "Mute alerts for 15 min"). Kept in memory:
 * a mute is for the next stretch of work, not a setting to survive a restart.
 */
import type { BridgeEvent } from '../../../src-preload/contract'
import type { Clock } from '../ports'
import type { HandlerMap } from './types'

export interface AlertMute {
  /** ISO time the mute ends, or null (never muted, unmuted, or already over). */
  mutedUntil(): string | null
  /** Mutes for `minutes` from now; 0 unmutes. */
  mute(minutes: number): string | null
}

export function createAlertMute(clock: Clock): AlertMute {
  let until: number | null = null
  const mutedUntil = (): string | null => (until !== null && until > clock.now() ? new Date(until).toISOString() : null)
  return {
    mutedUntil,
    mute(minutes) {
      until = minutes > 0 ? clock.now() + minutes * 60_000 : null
      return mutedUntil()
    }
  }
}

export function alertHandlers(ctx: { alerts: AlertMute; emit(event: BridgeEvent): void }): HandlerMap {
  return {
    'alerts.mute': async ({ minutes }) => {
      const mutedUntil = ctx.alerts.mute(minutes)
      ctx.emit({ event: 'alerts.muted', data: { mutedUntil } })
      return { mutedUntil }
    }
  }
}
