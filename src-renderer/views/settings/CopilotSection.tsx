import { CheckCircle2, CircleAlert, FlaskConical, Loader2 } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useUnsaved } from '../../lib/leave-guard'
import type { CopilotMode, CopilotStatus, CopilotTestResult } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import { AutopilotAgents } from './AutopilotAgents'
import { CopilotKeyField } from './CopilotKeyField'
import { Field, SaveResult } from './Field'

const MODES: Array<{ value: CopilotMode; label: string; hint: string }> = [
  { value: 'off', label: 'Off', hint: 'Nothing is sent to any model.' },
  { value: 'suggest', label: 'Suggest', hint: 'A draft streams into the reply box; you send, edit or clear it.' },
  { value: 'autopilot', label: 'Autopilot', hint: 'The model answers by itself; Take over (Alt+O) hands a call back to you.' }
]

/** `''` (OpenAI itself) or an http(s) URL; the words say what to fix. */
export function baseUrlProblem(url: string): string | undefined {
  const u = url.trim()
  if (!u) return undefined
  try {
    if (/^https?:$/.test(new URL(u).protocol)) return undefined
  } catch {
    // fall through to the message
  }
  return 'Write a full URL starting with http:// or https://, e.g. http://localhost:11434/v1.'
}

/** Settings › Copilot: mode, where the model is (base URL, model, key), a Test, and autopilot's scope. */
export function CopilotSection() {
  const copilot = useAppStore((s) => s.copilot)
  if (!copilot) {
    return (
      <p className="muted st-pad" role="status">
        <Loader2 size={14} aria-hidden="true" className="wh-spin" /> Loading the copilot's settings…
      </p>
    )
  }
  return <CopilotForm copilot={copilot} />
}

function CopilotForm({ copilot }: { copilot: CopilotStatus }) {
  const { configure, test, pause } = useAppStore(useShallow((s) => ({ configure: s.configureCopilot, test: s.testCopilot, pause: s.pauseAutopilot })))
  const [baseUrl, setBaseUrl] = useState(copilot.baseUrl)
  const [model, setModel] = useState(copilot.model)
  const [key, setKey] = useState('')
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null)
  const [testing, setTesting] = useState(false)
  const [tested, setTested] = useState<CopilotTestResult | null>(null)
  const urlError = baseUrlProblem(baseUrl)
  // What was last saved from here (or loaded): typed changes to it, or a key not saved, ask before leaving.
  const [stored, setStored] = useState({ baseUrl: copilot.baseUrl, model: copilot.model })
  useUnsaved('copilot', 'Copilot', baseUrl.trim() !== stored.baseUrl.trim() || model.trim() !== stored.model.trim() || key.trim() !== '')

  const setMode = async (mode: CopilotMode): Promise<void> => {
    const error = await configure({ mode })
    setSaved(error ? { ok: false, text: `Not changed: ${error}` } : null)
  }
  const save = async (): Promise<void> => {
    if (urlError) return setSaved({ ok: false, text: 'Nothing was saved: fix the base URL.' })
    const error = await configure({ baseUrl: baseUrl.trim(), model: model.trim() })
    if (!error) setStored({ baseUrl: baseUrl.trim(), model: model.trim() })
    setSaved(error ? { ok: false, text: `Not saved: ${error}` } : { ok: true, text: 'Saved.' })
  }
  const runTest = async (): Promise<void> => {
    if (urlError) return setTested({ ok: false, detail: urlError, modelLabel: '', ms: 0 })
    setTesting(true)
    setTested(null)
    // What is typed is what is tried, saved or not: a person tests before committing to it.
    setTested(await test({ baseUrl: baseUrl.trim(), model: model.trim(), ...(key.trim() ? { apiKey: key.trim() } : {}) }))
    setTesting(false)
  }

  return (
    <div className="st-body st-form">
      <fieldset className="st-fieldset">
        <legend className="label">Copilot mode</legend>
        <div className="st-copilot-modes">
          {MODES.map((m) => (
            <label key={m.value} className="st-check" title={m.hint}>
              <input type="radio" name="copilot-mode" value={m.value} checked={copilot.mode === m.value} onChange={() => void setMode(m.value)} />
              {m.label}
            </label>
          ))}
        </div>
        <span className="muted small">{MODES.find((m) => m.value === copilot.mode)?.hint}</span>
      </fieldset>
      {copilot.simulated ? (
        <p className="st-notice small">
          <FlaskConical size={13} aria-hidden="true" />
          <span>
            No key and no base URL: in the sandbox the built-in <span className="strong">simulated model</span> drafts and answers (fixed, predictable
            replies), so you can try the copilot without an account.
          </span>
        </p>
      ) : null}
      {copilot.notice ? (
        <p className="st-error small" role="alert">
          {copilot.notice}
        </p>
      ) : null}
      <form
        className="st-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div className="st-row">
          <Field label="Base URL" value={baseUrl} onValue={setBaseUrl} error={urlError} placeholder="https://api.openai.com/v1" hint="Empty for OpenAI. Ollama: http://localhost:11434/v1 · LM Studio: http://localhost:1234/v1" />
          <Field label="Model" value={model} onValue={setModel} placeholder="gpt-4o-mini" hint="Empty for gpt-4o-mini. Ollama: e.g. llama3.2 (pulled first)." />
        </div>
        <CopilotKeyField value={key} onValue={setKey} />
        <div className="st-actions">
          <button type="submit" className="button button--primary">
            Save base URL and model
          </button>
          <button type="button" className="button" disabled={testing} onClick={() => void runTest()}>
            {testing ? <Loader2 size={14} aria-hidden="true" className="wh-spin" /> : null} {testing ? 'Testing…' : 'Test'}
          </button>
          <SaveResult result={saved} />
        </div>
        {tested ? (
          <p className={tested.ok ? 'st-saved' : 'st-error'} role={tested.ok ? 'status' : 'alert'}>
            {tested.ok ? <CheckCircle2 size={14} aria-hidden="true" /> : <CircleAlert size={14} aria-hidden="true" />} {tested.detail}
          </p>
        ) : null}
      </form>
      {copilot.mode === 'autopilot' ? (
        <>
          <AutopilotAgents />
          <label className="st-check">
            <input type="checkbox" checked={copilot.paused} onChange={(e) => void pause(e.target.checked)} />
            Pause autopilot for every call (its answers come as drafts until resumed)
          </label>
        </>
      ) : null}
      <p className="muted small">
        Sent to the model with each turn: the agent's prompt and greeting, the call's transcript so far, the caller's number and your quick
        replies (for a text: the thread and the sender's number). Nothing is sent while the copilot is off.
      </p>
    </div>
  )
}
