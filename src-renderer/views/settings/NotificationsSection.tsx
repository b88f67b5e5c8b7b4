import { useState } from 'react'
import type { Settings } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import { SaveResult } from './Field'

const TOGGLES: Array<{ key: keyof Settings['notifications']; label: string }> = [
  { key: 'inboundCall', label: 'An inbound call rings' },
  { key: 'waitingTurn', label: 'A caller is waiting for a typed answer' },
  { key: 'sms', label: 'An SMS arrives' }
]

/** Each toggle saves at once: there is nothing to type, so nothing to lose. */
export function NotificationsSection({ settings }: { settings: Settings }) {
  const save = useAppStore((s) => s.saveSettings)
  const [pending, setPending] = useState<string | null>(null)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const toggle = async (key: keyof Settings['notifications'], on: boolean): Promise<void> => {
    setPending(key)
    const error = await save({ notifications: { ...settings.notifications, [key]: on } })
    setPending(null)
    setResult(error ? { ok: false, text: `Not saved: ${error}` } : { ok: true, text: `Saved: ${TOGGLES.find((t) => t.key === key)?.label.toLowerCase()} — ${on ? 'notifies' : 'stays quiet'}.` })
  }
  return (
    <fieldset className="st-body st-fieldset">
      <legend className="small muted">Show a desktop notification when…</legend>
      {TOGGLES.map((t) => (
        <label key={t.key} className="st-check">
          <input
            type="checkbox"
            checked={settings.notifications[t.key]}
            disabled={pending !== null}
            onChange={(e) => void toggle(t.key, e.target.checked)}
          />
          {t.label}
        </label>
      ))}
      <SaveResult result={result} />
    </fieldset>
  )
}
