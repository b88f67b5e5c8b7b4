import { Send } from 'lucide-react'
import { useEffect, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'

/** The reply box: Enter sends from the conversation's own number; Shift+Enter is a new line. */
export function MessageComposer({ id }: { id: string }) {
  const { draft, setDraft, send, to, from } = useAppStore(
    useShallow((s) => ({
      draft: s.messageDrafts[id] ?? '',
      setDraft: s.setMessageDraft,
      send: s.sendDraft,
      to: s.conversations[id]?.participant ?? null,
      from: s.conversations[id]?.phoneNumber ?? null
    }))
  )
  const boxRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => boxRef.current?.focus(), [id])
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return
    e.preventDefault()
    void send(id)
  }
  return (
    <form
      className="msg-composer"
      onSubmit={(e) => {
        e.preventDefault()
        void send(id)
      }}
    >
      <label htmlFor={`sms-reply-${id}`} className="sr-only">
        Reply by SMS
      </label>
      <textarea
        id={`sms-reply-${id}`}
        ref={boxRef}
        className="input textarea msg-box"
        rows={2}
        maxLength={1600}
        placeholder={to ? `Text ${formatPhone(to)}${from ? ` from ${formatPhone(from)}` : ''}…` : 'Reply…'}
        value={draft}
        aria-describedby={`sms-hint-${id}`}
        onChange={(e) => setDraft(id, e.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary" disabled={!draft.trim()}>
        <Send size={14} aria-hidden="true" /> Send reply
      </button>
      <span id={`sms-hint-${id}`} className="muted small msg-hint">
        <kbd>Enter</kbd> sends · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
      </span>
    </form>
  )
}
