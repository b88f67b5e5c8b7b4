import { useState } from 'react'
import type { Settings } from '../../../src-preload/contract'
import { useUnsaved } from '../../lib/leave-guard'
import { WORDS } from '../../lib/words'
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
    setResult(null)
  }
  useUnsaved('voice', 'Voice turns', JSON.stringify(draft) !== JSON.stringify(voiceDraftOf(settings)))

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
        Say a holding line while the caller waits
      </label>
      <Field
        label={WORDS.holdingLine}
        multiline
        value={draft.fillerText}
        onValue={edit('fillerText')}
        error={errors.fillerText}
        hint="Said at once when a caller finishes speaking, so they do not hear silence while someone types."
      />
      <Field
        label="Fallback line"
        multiline
        value={draft.fallbackText}
        onValue={edit('fallbackText')}
        error={errors.fallbackText}
        hint="Said when nobody answers in time; it ends the caller’s turn."
      />
      <div className="st-row">
        <Field
          label={WORDS.deadlineMargin}
          inputMode="decimal"
          value={draft.deadlineMarginSeconds}
          onValue={edit('deadlineMarginSeconds')}
          error={errors.deadlineMarginSeconds}
          hint="Before AgentPhone stops waiting, so the fallback line is heard in time."
        />
        <Field
          label={WORDS.webhookTimeout}
          inputMode="numeric"
          value={draft.webhookTimeoutSeconds}
          onValue={edit('webhookTimeoutSeconds')}
          error={errors.webhookTimeoutSeconds}
          hint="Set when Switchboard is connected to AgentPhone (Webhooks › Connect); 30 by default."
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
