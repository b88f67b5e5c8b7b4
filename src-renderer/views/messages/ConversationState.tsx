import { Database, Loader } from 'lucide-react'
import { useState } from 'react'
import type { Conversation } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import { parseStateJson, stateToText } from './state-json'
import { ErrorNotice } from '../../components/ErrorNotice'

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
        <span className="small">Conversation state:</span>
        <code className="small conv-state-preview">{keys ? JSON.stringify(c.metadata) : 'none'}</code>
        <span className="header-spacer" />
        <button type="button" className="button button--quiet" disabled={local} onClick={() => setText(stateToText(c.metadata))}>
          Edit state
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
        Conversation state (JSON)
      </label>
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
        {parsed.ok ? (parsed.value ? `A JSON object with ${Object.keys(parsed.value).length} keys.` : 'Empty: saving clears the state.') : parsed.message}
      </p>
      <ErrorNotice>{refusal}</ErrorNotice>
      <div className="inline">
        <span className="header-spacer" />
        <button type="button" className="button button--quiet" onClick={() => setText(null)}>
          Cancel
        </button>
        <button type="button" className="button button--primary" disabled={!parsed.ok || saving} onClick={() => void save()}>
          {saving ? <Loader size={13} aria-hidden="true" /> : null} Save state
        </button>
      </div>
    </div>
  )
}
