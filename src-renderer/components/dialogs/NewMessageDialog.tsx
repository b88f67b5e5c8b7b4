import { MessageSquarePlus } from 'lucide-react'
import { useState } from 'react'
import { useAppStore } from '../../store/store-context'
import { DialogFrame } from './DialogFrame'
import { EMPTY_NEW_MESSAGE, NewMessageForm } from './NewMessageForm'
import type { NewMessageFields } from './NewMessageForm'
import { useLetterShortcut } from './use-letter-shortcut'

/** The Messages view's "New message" button, its `n` shortcut and the dialog (fields kept here). */
export function NewMessageButton() {
  const loadPickers = useAppStore((s) => s.loadPickers)
  const [open, setOpen] = useState(false)
  const [fields, setFields] = useState<NewMessageFields>(EMPTY_NEW_MESSAGE)
  const show = (): void => {
    setOpen(true)
    void loadPickers()
  }
  useLetterShortcut('n', show)
  return (
    <>
      <button type="button" className="button" aria-keyshortcuts="n" title="New message (n)" onClick={show}>
        <MessageSquarePlus size={14} aria-hidden="true" /> New message
      </button>
      <DialogFrame
        open={open}
        onOpenChange={setOpen}
        title="New message"
        description="Text someone from one of your agents or numbers. A failed send is never retried automatically."
      >
        <NewMessageForm
          fields={fields}
          onChange={setFields}
          onSent={() => {
            setFields(EMPTY_NEW_MESSAGE)
            setOpen(false)
          }}
        />
      </DialogFrame>
    </>
  )
}
