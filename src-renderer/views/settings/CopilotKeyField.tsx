import { useId, useState } from 'react'
import { useAppStore } from '../../store/store-context'
import { SaveResult } from './Field'
import { SecretKeyRow } from './SecretKeyRow'

/**
 * The model server's key, write-only: the renderer only ever learns whether one is stored. What is
 * typed is also what Test tries, before it is saved; it is cleared once saved, kept if saving fails.
 */
export function CopilotKeyField(props: { value: string; onValue: (v: string) => void }) {
  const id = useId()
  const hasKey = useAppStore((s) => s.copilot?.hasKey ?? false)
  const configure = useAppStore((s) => s.configureCopilot)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)

  const change = async (apiKey: string | null): Promise<void> => {
    setBusy(true)
    const error = await configure({ apiKey })
    setBusy(false)
    if (error) return setResult({ ok: false, text: `The key was not ${apiKey ? 'saved' : 'removed'}: ${error}` })
    if (apiKey) props.onValue('')
    setResult({ ok: true, text: apiKey ? 'The key is saved.' : 'The key is removed.' })
  }

  return (
    <div className="st-field">
      <label htmlFor={id}>Model server key</label>
      <SecretKeyRow
        id={id}
        hasKey={hasKey}
        note="kept in this computer's secret store, never shown again, never logged. Local servers need none."
        value={props.value}
        onValue={props.onValue}
        placeholder={hasKey ? 'Paste a new key to replace it' : 'sk-… (OpenAI), or leave empty for Ollama or LM Studio'}
        onEnter={() => (props.value.trim() ? void change(props.value.trim()) : undefined)}
      >
        <button type="button" className="button" disabled={busy || !props.value.trim()} onClick={() => void change(props.value.trim())}>
          Save model key
        </button>
        {hasKey ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void change(null)}>
            Remove model key
          </button>
        ) : null}
      </SecretKeyRow>
      <SaveResult result={result} />
    </div>
  )
}
