import * as Dialog from '@radix-ui/react-dialog'
import { X } from 'lucide-react'
import type { ReactNode } from 'react'

type Props = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  /** What the dialog is about, under the title; screen readers read it with the title. */
  description?: ReactNode
  /** `alertdialog` for confirmations of irreversible actions. */
  role?: 'dialog' | 'alertdialog'
  /** While an action runs the dialog cannot be dismissed: its outcome must land somewhere visible. */
  busy?: boolean
  width?: 'narrow' | 'wide'
  children: ReactNode
}

/** The one dialog frame of the account-owner views (Radix: focus trap, Escape, focus return). */
export function ModalDialog({ open, onOpenChange, title, description, role = 'dialog', busy = false, width = 'narrow', children }: Props) {
  const change = (next: boolean): void => {
    if (!next && busy) return
    onOpenChange(next)
  }
  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Portal>
        <Dialog.Overlay className="dir-overlay" />
        <Dialog.Content
          className={`dir-dialog dir-dialog--${width}`}
          role={role}
          aria-busy={busy || undefined}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="dir-dialog-head">
            <Dialog.Title className="dir-dialog-title">{title}</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close" disabled={busy}>
              <X size={15} aria-hidden="true" />
            </Dialog.Close>
          </div>
          {description ? (
            <Dialog.Description asChild>
              <div className="dir-dialog-desc">{description}</div>
            </Dialog.Description>
          ) : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
