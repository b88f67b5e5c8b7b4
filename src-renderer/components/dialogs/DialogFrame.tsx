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
  width?: 'normal' | 'wide'
  children: ReactNode
}

/**
 * The one dialog frame of the app, on Radix Dialog: focus is trapped inside, Escape and the close
 * button cancel (unless busy), and focus returns to whatever opened it.
 */
export function DialogFrame({ open, onOpenChange, title, description, role = 'dialog', busy = false, width = 'normal', children }: Props) {
  const change = (next: boolean): void => {
    if (!next && busy) return
    onOpenChange(next)
  }
  return (
    <Dialog.Root open={open} onOpenChange={change}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className={`dialog${width === 'wide' ? ' dialog--wide' : ''}`}
          role={role}
          aria-busy={busy || undefined}
          {...(description ? {} : { 'aria-describedby': undefined })}
        >
          <div className="dialog-header">
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close" disabled={busy}>
              <X size={14} aria-hidden="true" />
            </Dialog.Close>
          </div>
          {description ? (
            <Dialog.Description asChild>
              <div className="muted small dialog-description">{description}</div>
            </Dialog.Description>
          ) : null}
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/** True while any dialog is open: single-letter shortcuts must not open a second one on top. */
export function dialogIsOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null
}
