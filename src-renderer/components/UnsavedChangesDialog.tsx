import { useShallow } from 'zustand/react/shallow'
import { listWords } from '../lib/leave-guard'
import { useAppStore } from '../store/store-context'
import { ConfirmDialog } from '../views/directory/ConfirmDialog'

/** Asked when a move would leave a view with edits not saved: stay (the default) or leave them. */
export function UnsavedChangesDialog() {
  const { pending, unsaved, resolve } = useAppStore(
    useShallow((s) => ({ pending: s.pendingLeave !== null, unsaved: s.unsaved, resolve: s.resolveLeave }))
  )
  if (!pending) return null
  return (
    <ConfirmDialog
      title="Leave without saving?"
      confirmLabel="Leave without saving"
      busyLabel="Leaving…"
      cancelLabel="Stay and save"
      onConfirm={async () => {
        resolve(true)
        return null
      }}
      onClose={() => resolve(false)}
    >
      Your changes to {listWords(Object.values(unsaved))} are not saved yet. Leaving now loses them.
    </ConfirmDialog>
  )
}
