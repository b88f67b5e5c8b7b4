import type { PhoneNumber } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { ConfirmDialog } from '../directory/ConfirmDialog'

/** Releasing is irreversible and unrefunded: the dialog says so before anything is sent. */
export function ReleaseNumberDialog({ number, agentName, onClose }: { number: PhoneNumber; agentName: string | null; onClose: () => void }) {
  const releaseNumber = useAppStore((s) => s.releaseNumber)
  const isSandboxLine = useAppStore((s) => s.status?.sandbox?.number.id === number.id)
  const shown = formatPhone(number.phoneNumber)
  return (
    <ConfirmDialog title={`Release ${shown}?`} confirmLabel="Release number" busyLabel="Releasing…" onConfirm={() => releaseNumber(number.id)} onClose={onClose}>
      <p>
        <strong>This is irreversible.</strong> <span className="mono">{shown}</span> will be gone from your account: you cannot get
        it back, and the rest of this month is not refunded.
      </p>
      <p>
        {agentName ? (
          <>
            Calls and texts to it will no longer reach <strong>{agentName}</strong> or anyone else.
          </>
        ) : (
          'Calls and texts to it will no longer reach you.'
        )}{' '}
        Its call and message history is kept.
      </p>
      {isSandboxLine ? <p className="muted">This is the sandbox phone’s line: after releasing it, the sandbox phone has no number to dial.</p> : null}
    </ConfirmDialog>
  )
}
