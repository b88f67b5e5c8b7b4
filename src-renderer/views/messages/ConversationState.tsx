import { Database, Loader } from 'lucide-react'
import { useState } from 'react'
import type { Conversation } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import { parseStateJson, stateToText } from './state-json'
import { ErrorNotice } from '../../components/ErrorNotice'
import { WORDS } from '../../lib/words'

/**
 * The conversation's metadata — the `conversationState` every webhook for it carries — shown and
 * editable as JSON. The text is checked as it is typed and kept if saving is refused.
 */
export function ConversationState({ conversation: c }: { conversation: Conversation }) {
  const update = useAppStore((s) => s.updateConversationState)
  const [text, setText] = useState<string | null>(null) // null: not editing
  const [saving, setSaving] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const keys = c.metadata ? Object.keys(c.metadata).length : 0
  const local = c.id.startsWith('local:')

  if (text === null) {
    return (
      <div className="conv-state">
        <Database size={13} aria-hidden="true" />
        <span className="small" title={WORDS.conversationDetailsWhy}>
          {WORDS.conversationDetails}:
        </span>
        <span className="small conv-state-preview">{keys ? detailsLine(c.metadata ?? {}) : <span className="muted">none saved</span>}</span>
        <span className="header-spacer" />
        <button type="button" className="button button--quiet" disabled={local} onClick={() => setText(stateToText(c.metadata))}>
          Edit details
        </button>
      </div>
    )
  }
  const parsed = parseStateJson(text)
  const save = async (): Promise<void> => {
    if (!parsed.ok || saving) return
    setSaving(true)
    setRefusal(null)
    const error = await update(c.id, parsed.value)
    setSaving(false)
    if (error) setRefusal(`Not saved: ${error.message}`)
    else setText(null)
  }
  return (
    <div className="conv-state conv-state--editing">
      <label htmlFor={`state-${c.id}`} className="label">
        {WORDS.conversationDetails}
      </label>
      <p className="muted small">
        {WORDS.conversationDetailsWhy} Written as {'{"name": "value"}'} pairs, for example {'{"step": "booking", "guests": 2}'}.
      </p>
      <textarea
        id={`state-${c.id}`}
        className="input textarea mono"
        rows={5}
        value={text}
        spellCheck={false}
        aria-invalid={!parsed.ok || undefined}
        aria-describedby={`state-check-${c.id}`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault()
            setText(null)
          }
        }}
      />
      <p id={`state-check-${c.id}`} className={`small ${parsed.ok ? 'muted' : 'field-hint--bad'}`} aria-live="polite">
        {parsed.ok ? (parsed.value ? `${Object.keys(parsed.value).length === 1 ? '1 detail' : `${Object.keys(parsed.value).length} details`}, ready to save.` : 'Empty: saving clears the details.') : parsed.message}
      </p>
      <ErrorNotice>{refusal}</ErrorNotice>
      <div className="inline">
        <span className="header-spacer" />
        <button type="button" className="button button--quiet" onClick={() => setText(null)}>
          Cancel
        </button>
        <button type="button" className="button button--primary" disabled={!parsed.ok || saving} onClick={() => void save()}>
          {saving ? <Loader size={13} aria-hidden="true" /> : null} Save details
        </button>
      </div>
    </div>
  )
}

/** "step: booking · guests: 2": the details as a person reads them, nested values as written. */
function detailsLine(metadata: Record<string, unknown>): string {
  return Object.entries(metadata)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' · ')
}
