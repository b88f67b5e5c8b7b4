import type { SliceDeps } from './types'

/** How this window draws attention to a waiting caller; kept per browser, like the theme. */
export type AlertPrefs = {
  /** A short chime when a turn starts waiting. */
  chime: boolean
  /** Chime loudness, 0 to 1. */
  volume: number
  /** Desktop notifications at all (which events notify is the core's setting, shared by a hub). */
  desktop: boolean
}

export interface AlertsSlice {
  alertPrefs: AlertPrefs
  setAlertPrefs(patch: Partial<AlertPrefs>): void
  /** Mutes chimes and desktop notifications in every window for `minutes`; 0 unmutes. False if refused. */
  muteAlerts(minutes: number): Promise<boolean>
  /** The core said the mute changed (this window, another one, the tray, or it ran out). */
  setAlertsMutedUntil(mutedUntil: string | null): void
  /** A view's error boundary caught something: the core logs it. */
  reportViewError(view: string, error: unknown): void
}

export const DEFAULT_ALERT_PREFS: AlertPrefs = { chime: true, volume: 0.6, desktop: true }
const PREFS_KEY = 'switchboard.alerts'

function readPrefs(storage: SliceDeps['storage']): AlertPrefs {
  try {
    const raw: unknown = JSON.parse(storage?.getItem(PREFS_KEY) ?? 'null')
    if (!raw || typeof raw !== 'object') return DEFAULT_ALERT_PREFS
    const p = raw as Partial<Record<keyof AlertPrefs, unknown>>
    return {
      chime: typeof p.chime === 'boolean' ? p.chime : DEFAULT_ALERT_PREFS.chime,
      volume: typeof p.volume === 'number' && p.volume >= 0 && p.volume <= 1 ? p.volume : DEFAULT_ALERT_PREFS.volume,
      desktop: typeof p.desktop === 'boolean' ? p.desktop : DEFAULT_ALERT_PREFS.desktop
    }
  } catch {
    return DEFAULT_ALERT_PREFS // a damaged entry costs the preference, never the app
  }
}

/** True while a mute set by anyone (any window, the tray) has not run out. */
export function isMuted(mutedUntil: string | null | undefined, now: number = Date.now()): boolean {
  return Boolean(mutedUntil) && Date.parse(mutedUntil as string) > now
}

export function createAlertsSlice({ set, get, bridge, storage }: SliceDeps): AlertsSlice {
  return {
    alertPrefs: readPrefs(storage),

    setAlertPrefs(patch) {
      const alertPrefs = { ...get().alertPrefs, ...patch }
      try {
        storage?.setItem(PREFS_KEY, JSON.stringify(alertPrefs))
      } catch {
        // storage full or disabled: the choice holds for this window
      }
      set({ alertPrefs })
    },
    async muteAlerts(minutes) {
      const res = get().report(minutes > 0 ? 'Muting alerts' : 'Unmuting alerts', await bridge.invoke('alerts.mute', { minutes }))
      if (!res) return false
      get().setAlertsMutedUntil(res.mutedUntil)
      return true
    },
    setAlertsMutedUntil(alertsMutedUntil) {
      set((s) => (s.status && s.status.alertsMutedUntil !== alertsMutedUntil ? { status: { ...s.status, alertsMutedUntil } } : s))
    },
    reportViewError(view, error) {
      const err = error instanceof Error ? error : new Error(String(error))
      const params = { view, message: err.message.slice(0, 2000), ...(err.stack ? { stack: err.stack.slice(0, 20_000) } : {}) }
      // Fire and forget: the boundary already shows what happened, and a failed report must not throw again.
      void bridge.invoke('app.reportError', params).catch(() => undefined)
    }
  }
}
