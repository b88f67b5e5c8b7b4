import * as Dialog from '@radix-ui/react-dialog'
import { X } from 'lucide-react'
import type { ReactNode } from 'react'

/**
 * The one look for the app's dialogs, on Radix Dialog: focus is trapped inside, Escape and the
 * close button cancel, and focus returns to whatever opened it.
 */
export function DialogFrame(props: {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  description: string
  children: ReactNode
}) {
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <div className="dialog-header">
            <Dialog.Title className="dialog-title">{props.title}</Dialog.Title>
            <Dialog.Close className="icon-button" aria-label="Close">
              <X size={14} aria-hidden="true" />
            </Dialog.Close>
          </div>
          <Dialog.Description className="muted small dialog-description">{props.description}</Dialog.Description>
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/** True while any dialog is open: single-letter shortcuts must not open a second one on top. */
export function dialogIsOpen(): boolean {
  return document.querySelector('[role="dialog"], [role="alertdialog"]') !== null
}
