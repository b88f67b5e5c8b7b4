import { CircleAlert, Send } from 'lucide-react'
import { useEffect, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { DraftedBy } from '../../components/DraftedBy'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'

/** The reply box: Enter sends from the conversation's own number; Shift+Enter is a new line. */
export function MessageComposer({ id }: { id: string }) {
  const { draft, setDraft, send, to, from, suggested, adopt, drop } = useAppStore(
    useShallow((s) => ({
      draft: s.messageDrafts[id] ?? '',
      setDraft: s.setMessageDraft,
      send: s.sendDraft,
      suggested: s.smsDrafts[id] ?? null,
      adopt: s.adoptSmsDraft,
      drop: s.dropSmsDraft,
      to: s.conversations[id]?.participant ?? null,
      from: s.conversations[id]?.phoneNumber ?? null
    }))
  )
  const boxRef = useRef<HTMLTextAreaElement>(null)
  useEffect(() => boxRef.current?.focus(), [id])
  // The copilot's draft fills the box only while the person has typed nothing: never over their words.
  const inBox = draft === '' && suggested?.text ? suggested : null
  const text = draft || inBox?.text || ''
  const submit = (): void => {
    if (inBox) adopt(id) // sent as is: it becomes the person's reply
    else if (suggested) drop(id) // the person wrote their own: the draft answered nothing now
    void send(id)
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Escape' && inBox) {
      e.preventDefault()
      drop(id)
      return
    }
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return
    e.preventDefault()
    submit()
  }
  return (
    <form
      className="msg-composer"
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <label htmlFor={`sms-reply-${id}`} className="sr-only">
        Reply by SMS
      </label>
      <textarea
        id={`sms-reply-${id}`}
        ref={boxRef}
        rows={2}
        maxLength={1600}
        placeholder={to ? `Text ${formatPhone(to)}${from ? ` from ${formatPhone(from)}` : ''}…` : 'Reply…'}
        className={inBox ? 'input textarea msg-box reply-box--drafted' : 'input textarea msg-box'}
        value={text}
        aria-describedby={inBox ? `sms-drafted-${id} sms-hint-${id}` : `sms-hint-${id}`}
        onChange={(e) => (inBox ? adopt(id, e.target.value) : setDraft(id, e.target.value))}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="button button--primary" disabled={!text.trim()}>
        <Send size={14} aria-hidden="true" /> Send reply
      </button>
      <span id={`sms-hint-${id}`} className="muted small msg-hint">
        <kbd>Enter</kbd> sends · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line
      </span>
      {inBox ? <DraftedBy id={`sms-drafted-${id}`} modelLabel={inBox.modelLabel} done={inBox.done} /> : null}
      {suggested?.error ? (
        <p className="notice notice--error small msg-hint" role="alert">
          <CircleAlert size={13} aria-hidden="true" /> Copilot: {suggested.error}
        </p>
      ) : null}
    </form>
  )
}
