import { FlaskConical, Radio } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { SaveResult } from './Field'

/**
 * Sandbox or Live, as one visible pair of buttons. Switching restarts the core, so it happens on
 * a deliberate click, never on an arrow key passing over a radio button.
 */
export function ModeSwitch() {
  const { mode, hasKey, busy, switchMode } = useAppStore(
    useShallow((s) => ({ mode: s.status?.mode, hasKey: s.status?.hasApiKey ?? false, busy: s.connectionBusy, switchMode: s.switchMode }))
  )
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const choose = async (next: 'sandbox' | 'live'): Promise<void> => {
    if (next === mode || busy) return
    if (next === 'live' && !hasKey) {
      setResult({ ok: false, text: 'Live mode uses your AgentPhone account: save an API key below first.' })
      return
    }
    setResult(null)
    const error = await switchMode(next)
    setResult(error ? { ok: false, text: error } : { ok: true, text: `Now in ${next} mode.` })
  }
  return (
    <div className="st-mode">
      <div className="st-mode-group" role="group" aria-label="Mode">
        <button
          type="button"
          className="st-mode-option"
          aria-label="Sandbox mode"
          aria-pressed={mode === 'sandbox'}
          disabled={Boolean(busy)}
          onClick={() => void choose('sandbox')}
        >
          <FlaskConical size={15} aria-hidden="true" />
          <span>
            <strong>Sandbox</strong>
            <span className="muted small">Built-in simulator, no account, no cost</span>
          </span>
        </button>
        <button
          type="button"
          className="st-mode-option"
          aria-label="Live mode"
          aria-pressed={mode === 'live'}
          disabled={Boolean(busy)}
          onClick={() => void choose('live')}
        >
          <Radio size={15} aria-hidden="true" />
          <span>
            <strong>Live</strong>
            <span className="muted small">Your AgentPhone account: real calls and SMS</span>
          </span>
        </button>
      </div>
      <SaveResult result={result} />
    </div>
  )
}
