import { MessageSquarePlus } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { DialogFrame } from './DialogFrame'
import { EMPTY_NEW_MESSAGE, NewMessageForm } from './NewMessageForm'
import type { NewMessageFields } from './NewMessageForm'

/** The "New message" button a view shows; the dialog itself is the frame's (NewMessageDialog). */
export function NewMessageButton() {
  const open = useAppStore((s) => s.openOutreach)
  return (
    <button type="button" className="button" aria-keyshortcuts="n" title="New message (n)" onClick={() => open('new-message')}>
      <MessageSquarePlus size={14} aria-hidden="true" /> New message
    </button>
  )
}

/** The new-message dialog, opened by a button or by `n` anywhere; the fields are kept here. */
export function NewMessageDialog() {
  const { open, setOpen } = useAppStore(useShallow((s) => ({ open: s.outreachDialog === 'new-message', setOpen: s.openOutreach })))
  const [fields, setFields] = useState<NewMessageFields>(EMPTY_NEW_MESSAGE)
  return (
    <DialogFrame
      open={open}
      onOpenChange={(o) => setOpen(o ? 'new-message' : null)}
      title="New message"
      description="Text someone from one of your agents or numbers. A failed send is never retried automatically."
    >
      <NewMessageForm
        fields={fields}
        onChange={setFields}
        onSent={() => {
          setFields(EMPTY_NEW_MESSAGE)
          setOpen(null)
        }}
      />
    </DialogFrame>
  )
}
