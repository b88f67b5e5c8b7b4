import { PhoneOutgoing } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { DialogFrame } from './DialogFrame'
import { PlaceCallForm, EMPTY_PLACE_CALL } from './PlaceCallForm'
import type { PlaceCallFields } from './PlaceCallForm'

/** The "Place call" button a view shows; the dialog itself is the frame's (PlaceCallDialog). */
export function PlaceCallButton() {
  const open = useAppStore((s) => s.openOutreach)
  return (
    <button type="button" className="button" aria-keyshortcuts="c" title="Place call (c)" onClick={() => open('place-call')}>
      <PhoneOutgoing size={14} aria-hidden="true" /> Place call
    </button>
  )
}

/**
 * The place-call dialog, opened by any view's button or by `c` anywhere. The fields live here, in
 * the frame, so closing and reopening (or a refusal) never loses what was typed.
 */
export function PlaceCallDialog() {
  const { open, setOpen, loadPickers } = useAppStore(
    useShallow((s) => ({ open: s.outreachDialog === 'place-call', setOpen: s.openOutreach, loadPickers: s.loadPickers }))
  )
  const [fields, setFields] = useState<PlaceCallFields>(EMPTY_PLACE_CALL)
  return (
    <DialogFrame
      open={open}
      onOpenChange={(o) => setOpen(o ? 'place-call' : null)}
      title="Place a call"
      description="An agent calls a number. Calls are never retried automatically — a retry could ring someone twice."
    >
      <PlaceCallForm
        fields={fields}
        onChange={setFields}
        onPlaced={() => {
          setFields(EMPTY_PLACE_CALL)
          setOpen(null)
        }}
        onRetryLoad={() => void loadPickers({ voices: true })}
      />
    </DialogFrame>
  )
}
