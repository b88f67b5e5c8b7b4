import { KeyRound } from 'lucide-react'
import { useId, useState } from 'react'
import { useAppStore } from '../../store/store-context'
import { SaveResult } from './Field'

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
      <p className="st-key-state small" aria-live="polite">
        <KeyRound size={13} aria-hidden="true" />
        {hasKey ? 'A key is stored' : 'No key is stored'}
        <span className="muted"> — kept in this computer's secret store, never shown again, never logged. Local servers need none.</span>
      </p>
      <div className="st-inline">
        <input
          id={id}
          type="password"
          className="mono st-grow"
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          placeholder={hasKey ? 'Paste a new key to replace it' : 'sk-… (OpenAI), or leave empty for Ollama or LM Studio'}
          onChange={(e) => props.onValue(e.target.value)}
        />
        <button type="button" className="button" disabled={busy || !props.value.trim()} onClick={() => void change(props.value.trim())}>
          Save model key
        </button>
        {hasKey ? (
          <button type="button" className="button button--danger" disabled={busy} onClick={() => void change(null)}>
            Remove model key
          </button>
        ) : null}
      </div>
      <SaveResult result={result} />
    </div>
  )
}
