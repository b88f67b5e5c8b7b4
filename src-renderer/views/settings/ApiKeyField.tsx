import { useId, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useUnsaved } from '../../lib/leave-guard'
import { useAppStore } from '../../store/store-context'
import { SaveResult } from './Field'
import { SecretKeyRow } from './SecretKeyRow'
import { validateApiKey } from './settings-validation'

/**
 * Write-only: a stored key never comes back across the bridge, so the field only says whether one
 * is stored. What is typed is cleared once saved, and kept when saving fails.
 */
export function ApiKeyField() {
  const id = useId()
  const { hasKey, busy, configure } = useAppStore(
    useShallow((s) => ({ hasKey: s.status?.hasApiKey ?? false, busy: s.connectionBusy, configure: s.configure }))
  )
  const [key, setKey] = useState('')
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  useUnsaved('api-key', 'the API key', key.trim() !== '')

  const save = async (): Promise<void> => {
    const problem = validateApiKey(key)
    if (problem) return setResult({ ok: false, text: problem })
    const error = await configure({ apiKey: key.trim() }, 'Saving the API key…')
    if (error) return setResult({ ok: false, text: `The key was not saved: ${error}` })
    setKey('')
    setResult({ ok: true, text: 'Saved: the API key is stored, encrypted.' })
  }
  const remove = async (): Promise<void> => {
    const error = await configure({ apiKey: null }, 'Removing the API key…')
    setResult(error ? { ok: false, text: `The key was not removed: ${error}` } : { ok: true, text: 'Removed: no API key is stored now.' })
  }

  return (
    <div className="st-field">
      <label htmlFor={id}>API key</label>
      <SecretKeyRow
        id={id}
        hasKey={hasKey}
        note="kept encrypted on this computer; it is never shown again."
        value={key}
        onValue={(v) => {
          setKey(v)
          setResult(null)
        }}
        placeholder={hasKey ? 'Paste a new key to replace it' : 'Paste the key from the AgentPhone dashboard'}
        onEnter={() => void save()}
      >
        <button type="button" className="button button--primary" disabled={Boolean(busy) || !key.trim()} onClick={() => void save()}>
          Save key
        </button>
        {hasKey ? (
          <button type="button" className="button button--danger" disabled={Boolean(busy)} onClick={() => void remove()}>
            Remove key
          </button>
        ) : null}
      </SecretKeyRow>
      <SaveResult result={result} />
    </div>
  )
}
