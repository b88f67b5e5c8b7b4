import { LoaderCircle, TriangleAlert } from 'lucide-react'
import { useState } from 'react'
import type { ReactNode } from 'react'
import type { ActionError } from '../../store/directory-slice'
import { ActionErrorNote } from './ActionErrorNote'
import { DialogFrame } from '../../components/dialogs/DialogFrame'

type Props = {
  title: string
  /** What will happen, in words: what is lost and what stays. */
  children: ReactNode
  confirmLabel: string
  busyLabel: string
  /** The way out that changes nothing; "Cancel" unless the situation has a better word. */
  cancelLabel?: string
  /** Runs the action; the dialog closes only when it answers null (done). */
  onConfirm: () => Promise<ActionError>
  onClose: () => void
}

/**
 * Confirmation for an irreversible action. Cancel holds the focus at first, so a stray Enter
 * dismisses rather than destroys; a refusal stays in the dialog so it is read, not missed.
 */
export function ConfirmDialog({ title, children, confirmLabel, busyLabel, cancelLabel = 'Cancel', onConfirm, onClose }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ActionError>(null)
  const confirm = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    const err = await onConfirm()
    setBusy(false)
    if (err) setError(err)
    else onClose()
  }
  return (
    <DialogFrame
      open
      role="alertdialog"
      title={title}
      busy={busy}
      onOpenChange={(o) => (o ? undefined : onClose())}
      description={
        <div className="dir-confirm-body">
          <TriangleAlert size={18} aria-hidden="true" className="dir-confirm-icon" />
          <div>{children}</div>
        </div>
      }
    >
      <ActionErrorNote error={error} />
      <div className="dir-dialog-actions">
        <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className="button button--danger-solid" onClick={() => void confirm()} disabled={busy}>
          {busy ? <LoaderCircle size={14} className="dir-spin" aria-hidden="true" /> : null}
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </DialogFrame>
  )
}
