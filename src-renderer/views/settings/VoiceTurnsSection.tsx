import { useState } from 'react'
import type { Settings } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import { Field, SaveResult } from './Field'
import { validateVoice, voiceDraftOf, type Errors, type VoiceDraft } from './settings-validation'

/** Filler and fallback lines and the timing of a voice turn. Mounted with the loaded settings. */
export function VoiceTurnsSection({ settings }: { settings: Settings }) {
  const save = useAppStore((s) => s.saveSettings)
  const [draft, setDraft] = useState<VoiceDraft>(() => voiceDraftOf(settings))
  const [errors, setErrors] = useState<Errors<keyof VoiceDraft>>({})
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const edit = <K extends keyof VoiceDraft>(k: K) => (v: VoiceDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }))
    setErrors((e) => ({ ...e, [k]: undefined }))
  }

  const submit = async (): Promise<void> => {
    const checked = validateVoice(draft)
    if ('errors' in checked) {
      setErrors(checked.errors)
      return setResult({ ok: false, text: 'Nothing was saved: fix the fields marked above.' })
    }
    setSaving(true)
    const error = await save(checked.patch)
    setSaving(false)
    // On a refusal the draft stays as typed, so nothing is lost.
    setResult(error ? { ok: false, text: `Not saved: ${error}` } : { ok: true, text: 'Voice turn settings saved.' })
  }

  return (
    <form
      className="st-body st-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label className="st-check">
        <input type="checkbox" checked={draft.fillerEnabled} onChange={(e) => edit('fillerEnabled')(e.target.checked)} />
        Say a filler line while the caller waits
      </label>
      <Field
        label="Filler line"
        multiline
        value={draft.fillerText}
        onValue={edit('fillerText')}
        error={errors.fillerText}
        hint="Spoken at once when a caller's turn arrives, so the line is not silent while someone types."
      />
      <Field
        label="Fallback line"
        multiline
        value={draft.fallbackText}
        onValue={edit('fallbackText')}
        error={errors.fallbackText}
        hint="Spoken when nobody answers before the deadline."
      />
      <div className="st-row">
        <Field
          label="Deadline margin (seconds)"
          inputMode="decimal"
          value={draft.deadlineMarginSeconds}
          onValue={edit('deadlineMarginSeconds')}
          error={errors.deadlineMarginSeconds}
          hint="How long before the webhook timeout the fallback speaks."
        />
        <Field
          label="Webhook timeout (seconds)"
          inputMode="numeric"
          value={draft.webhookTimeoutSeconds}
          onValue={edit('webhookTimeoutSeconds')}
          error={errors.webhookTimeoutSeconds}
          hint="How long AgentPhone waits for an answer (set at registration)."
        />
      </div>
      <div className="st-actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save voice turns'}
        </button>
        <SaveResult result={result} />
      </div>
    </form>
  )
}
