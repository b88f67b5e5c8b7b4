import { PhoneOutgoing } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { DialogFrame } from './DialogFrame'
import { PlaceCallForm, EMPTY_PLACE_CALL } from './PlaceCallForm'
import type { PlaceCallFields } from './PlaceCallForm'
import { useLetterShortcut } from './use-letter-shortcut'

/**
 * The Monitor's "Place call" button, its `c` shortcut and the dialog. The fields live here, not in
 * the dialog, so closing and reopening (or a refusal) never loses what was typed.
 */
export function PlaceCallButton() {
  const { loadPickers, agentsLoaded } = useAppStore(
    useShallow((s) => ({ loadPickers: s.loadPickers, agentsLoaded: s.pickerAgents !== null && s.pickerVoices !== null }))
  )
  const [open, setOpen] = useState(false)
  const [fields, setFields] = useState<PlaceCallFields>(EMPTY_PLACE_CALL)
  const show = (): void => {
    setOpen(true)
    // Agents and voices change rarely; fetch each time the dialog opens only until we have them.
    if (!agentsLoaded) void loadPickers({ voices: true })
  }
  useLetterShortcut('c', show)
  return (
    <>
      <button type="button" className="button" aria-keyshortcuts="c" title="Place call (c)" onClick={show}>
        <PhoneOutgoing size={14} aria-hidden="true" /> Place call
      </button>
      <DialogFrame
        open={open}
        onOpenChange={setOpen}
        title="Place a call"
        description="An agent calls a number. Calls are never retried automatically — a retry could ring someone twice."
      >
        <PlaceCallForm
          fields={fields}
          onChange={setFields}
          onPlaced={() => {
            setFields(EMPTY_PLACE_CALL)
            setOpen(false)
          }}
          onRetryLoad={() => void loadPickers({ voices: true })}
        />
      </DialogFrame>
    </>
  )
}
