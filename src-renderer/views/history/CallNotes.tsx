import { Check, StickyNote } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useUnsaved } from '../../lib/leave-guard'
import { useAppStore } from '../../store/store-context'

/** "refund, VIP , late" → ["refund", "VIP", "late"]. */
const parseTags = (text: string): string[] => text.split(',').map((t) => t.trim()).filter(Boolean)

/** A call's note and tags, kept on this machine (the data folder), searchable from History. */
export function CallNotes({ callId }: { callId: string }) {
  const { saved, saveNote } = useAppStore(useShallow((s) => ({ saved: s.notes[callId], saveNote: s.saveNote })))
  const [note, setNote] = useState('')
  const [tags, setTags] = useState('')
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' })

  // What is stored (or changed in another window) replaces the fields, unless the person has edits.
  const savedNote = saved?.note ?? ''
  const savedTags = (saved?.tags ?? []).join(', ')
  const [base, setBase] = useState({ note: '', tags: '' })
  useEffect(() => {
    setNote((n) => (n === base.note ? savedNote : n))
    setTags((t) => (t === base.tags ? savedTags : t))
    setBase({ note: savedNote, tags: savedTags })
    // `base` is the last stored value, read here only: it is not a reason to run again.
  }, [savedNote, savedTags])

  const dirty = note !== savedNote || tags !== savedTags
  // Going back to the list, to another call or view, or closing the tab asks before the edits go.
  useUnsaved('call-note', 'the note on this call', dirty)
  const save = async (): Promise<void> => {
    setStatus({ kind: 'saving' })
    const error = await saveNote(callId, { note, tags: parseTags(tags) })
    setStatus(error ? { kind: 'error', message: error } : { kind: 'saved' })
  }
  return (
    <form
      className="call-notes"
      aria-label="Note and tags"
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h2 className="call-notes-title">
        <StickyNote size={13} aria-hidden="true" /> Note and tags
      </h2>
      <label>
        <span>Note (kept on this computer)</span>
        <textarea rows={5} value={note} maxLength={10_000} onChange={(e) => setNote(e.currentTarget.value)} />
      </label>
      <label>
        <span>Tags, separated by commas</span>
        <input type="text" value={tags} onChange={(e) => setTags(e.currentTarget.value)} />
      </label>
      <div className="call-notes-actions">
        <button type="submit" className="button button--primary" disabled={!dirty || status.kind === 'saving'}>
          Save note
        </button>
        {status.kind === 'saved' && !dirty ? (
          <span className="small muted" role="status">
            <Check size={12} aria-hidden="true" /> Saved
          </span>
        ) : status.kind === 'error' ? (
          <span className="small" role="alert">
            Not saved: {status.message}
          </span>
        ) : null}
      </div>
    </form>
  )
}
