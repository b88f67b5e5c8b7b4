import { Play } from 'lucide-react'
import { useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { chimePlayer } from '../../lib/attention/start-attention'
import { formatClock } from '../../lib/format'
import { requestNotifyPermission } from '../../lib/notifications'
import { isMuted } from '../../store/alerts-slice'
import { useAppStore, useAppStoreApi } from '../../store/store-context'
import { SaveResult } from './Field'

const PERMISSION_WORDS = {
  granted: null,
  default: 'This browser has not been asked yet.',
  denied: 'Blocked: allow notifications for Switchboard in your browser or system settings.',
  unsupported: 'This browser cannot show desktop notifications.'
} as const

/**
 * How this window gets attention when a caller starts waiting: the chime (on/off, volume, a test
 * button) and desktop notifications at all. Kept in this browser, like the theme: on a shared hub
 * each person's desk differs. Which events notify is the Notifications section (the hub's).
 */
export function AlertsSection() {
  const store = useAppStoreApi()
  const { prefs, setAlertPrefs, permission, mutedUntil } = useAppStore(
    useShallow((s) => ({ prefs: s.alertPrefs, setAlertPrefs: s.setAlertPrefs, permission: s.notifyPermission, mutedUntil: s.status?.alertsMutedUntil ?? null }))
  )
  const [saved, setSaved] = useState<string | null>(null)
  // Each change is kept at once; the line under the section says so.
  const setPrefs = (patch: Parameters<typeof setAlertPrefs>[0], what: string): void => {
    setAlertPrefs(patch)
    setSaved(`Saved in this browser: ${what}.`)
  }
  const volumeId = useId()
  const player = chimePlayer()
  const volume = Math.round(prefs.volume * 100)
  const permissionNote = PERMISSION_WORDS[permission]
  return (
    <fieldset className="st-body st-fieldset">
      <legend className="small muted">When a caller starts waiting for you</legend>
      <label className="st-check">
        <input type="checkbox" checked={prefs.chime} onChange={(e) => setPrefs({ chime: e.target.checked }, e.target.checked ? 'the chime is on' : 'the chime is off')} />
        Play a short chime
      </label>
      <div className="alerts-volume">
        <label htmlFor={volumeId}>Chime volume</label>
        <input
          id={volumeId}
          type="range"
          min={0}
          max={100}
          step={5}
          value={volume}
          disabled={!prefs.chime}
          aria-valuetext={`${volume} percent`}
          onChange={(e) => setPrefs({ volume: Number(e.target.value) / 100 }, `chime volume ${e.target.value}%`)}
        />
        <span className="mono small" aria-hidden="true">
          {volume}%
        </span>
        <button type="button" className="button" disabled={!player || !prefs.chime || volume === 0} onClick={() => player?.play(prefs.volume)}>
          <Play size={13} aria-hidden="true" /> Play the chime
        </button>
      </div>
      <label className="st-check">
        <input type="checkbox" checked={prefs.desktop} onChange={(e) => setPrefs({ desktop: e.target.checked }, e.target.checked ? 'desktop notifications on' : 'desktop notifications off')} />
        Show desktop notifications
      </label>
      {prefs.desktop && permissionNote ? (
        <p className="small muted">
          {permissionNote}{' '}
          {permission === 'default' ? (
            <button type="button" className="button" onClick={() => void requestNotifyPermission(store)}>
              Allow notifications
            </button>
          ) : null}
        </p>
      ) : null}
      <p className="small muted">
        {isMuted(mutedUntil)
          ? `Muted until ${formatClock(mutedUntil as string)}: no chime and no desktop notifications in any window. The alert above the view still shows.`
          : 'Mute alerts from the header (15 minutes or an hour) to silence the chime and notifications in every window; the alert above the view keeps showing.'}
      </p>
      <SaveResult result={saved ? { ok: true, text: saved } : null} />
    </fieldset>
  )
}
