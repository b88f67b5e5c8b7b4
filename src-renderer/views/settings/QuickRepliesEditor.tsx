import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react'
import { useRef, useState } from 'react'
import { useUnsaved } from '../../lib/leave-guard'
import { useAppStore } from '../../store/store-context'
import { SaveResult } from './Field'
import { MAX_QUICK_REPLIES, validateQuickReplies } from './settings-validation'

type Item = { key: number; text: string }

/**
 * The replies a supervisor sends with one key in the Call view. Rows keep a stable key so focus
 * stays on the moved row's button when reordering by keyboard.
 */
export function QuickRepliesEditor({ initial }: { initial: readonly string[] }) {
  const save = useAppStore((s) => s.saveSettings)
  const nextKey = useRef(initial.length)
  const [items, setItems] = useState<Item[]>(() => initial.map((text, key) => ({ key, text })))
  const [adding, setAdding] = useState('')
  const [errors, setErrors] = useState<Record<number, string>>({})
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const full = items.length >= MAX_QUICK_REPLIES
  const saved = useAppStore((s) => s.settings?.quickReplies ?? initial)
  const changed = adding.trim() !== '' || items.length !== saved.length || items.some((it, i) => it.text !== saved[i])
  useUnsaved('quick-replies', 'Quick replies', changed)

  const update = (next: Item[]): void => {
    setItems(next)
    setErrors({})
    setResult(null)
  }
  const move = (i: number, by: -1 | 1): void => {
    const j = i + by
    const a = items[i]
    const b = items[j]
    if (!a || !b) return
    const next = items.slice()
    next[i] = b
    next[j] = a
    update(next)
  }
  const add = (): void => {
    if (!adding.trim() || full) return
    update([...items, { key: nextKey.current++, text: adding.trim() }])
    setAdding('')
  }
  const submit = async (): Promise<void> => {
    const found = validateQuickReplies(items.map((i) => i.text))
    setErrors(found)
    if (Object.keys(found).length > 0) return setResult({ ok: false, text: 'Nothing was saved: fix the replies marked above.' })
    // A reply still in the "new" box goes in too: pressing Save means "keep what I typed".
    const list = [...items.map((i) => i.text.trim()), ...(adding.trim() && !full ? [adding.trim()] : [])]
    const error = await save({ quickReplies: list })
    if (!error) {
      setItems(list.map((text) => ({ key: nextKey.current++, text })))
      setAdding('')
    }
    setResult(error ? { ok: false, text: `Not saved: ${error}` } : { ok: true, text: `Saved: ${list.length} quick ${list.length === 1 ? 'reply' : 'replies'}.` })
  }

  return (
    <div className="st-body">
      {items.length === 0 ? <p className="muted">No quick replies yet. Add the lines you type most often.</p> : null}
      <ol className="st-replies" aria-label="Quick replies">
        {items.map((item, i) => (
          <li key={item.key} className="st-reply">
            <span className="mono muted st-reply-n">{i + 1}</span>
            <input
              aria-label={`Quick reply ${i + 1}`}
              className="st-grow"
              value={item.text}
              aria-invalid={Boolean(errors[i])}
              onChange={(e) => update(items.map((x) => (x.key === item.key ? { ...x, text: e.target.value } : x)))}
            />
            <button type="button" className="icon-button" aria-label={`Move reply ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
              <ArrowUp size={14} aria-hidden="true" />
            </button>
            <button type="button" className="icon-button" aria-label={`Move reply ${i + 1} down`} disabled={i === items.length - 1} onClick={() => move(i, 1)}>
              <ArrowDown size={14} aria-hidden="true" />
            </button>
            <button type="button" className="icon-button" aria-label={`Delete reply ${i + 1}`} onClick={() => update(items.filter((x) => x.key !== item.key))}>
              <Trash2 size={14} aria-hidden="true" />
            </button>
            {errors[i] ? (
              <span className="st-error st-reply-error" role="alert">
                {errors[i]}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      <div className="st-inline">
        <input
          aria-label="New quick reply"
          className="st-grow"
          value={adding}
          disabled={full}
          placeholder={full ? `The limit is ${MAX_QUICK_REPLIES} replies` : 'Type a reply and press Enter'}
          onChange={(e) => {
            setAdding(e.target.value)
            setResult(null)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
        <button type="button" className="button" disabled={full || !adding.trim()} onClick={add}>
          <Plus size={13} aria-hidden="true" /> Add
        </button>
      </div>
      <p className="muted small mono">
        {items.length} / {MAX_QUICK_REPLIES}
      </p>
      <div className="st-actions">
        <button type="button" className="button button--primary" onClick={() => void submit()}>
          Save quick replies
        </button>
        <SaveResult result={result} />
      </div>
    </div>
  )
}
