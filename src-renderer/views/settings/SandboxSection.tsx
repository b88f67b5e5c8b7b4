import { RotateCcw } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import { ConfirmDialog } from '../directory/ConfirmDialog'
import { SaveResult } from './Field'

/**
 * The sandbox keeps its agents, numbers, calls, threads and usage in the data folder between
 * starts; this puts it back to how a first start leaves it. Irreversible, so it asks first.
 */
export function SandboxSection() {
  const { sandbox, resetSandbox } = useAppStore(useShallow((s) => ({ sandbox: s.status?.sandbox ?? null, resetSandbox: s.resetSandbox })))
  const [confirming, setConfirming] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  if (!sandbox) {
    return <p className="st-body small muted">The sandbox exists in sandbox mode only; switch modes above to use it.</p>
  }
  return (
    <div className="st-body">
      <p className="small muted">
        The sandbox’s agents, numbers, calls, conversations, contacts, usage and balance are kept in the data folder and come back
        after a restart. Resetting empties them and makes a new Sandbox Agent with a new number; the Monitor’s history stays.
      </p>
      <div className="st-actions">
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          <RotateCcw size={14} aria-hidden="true" /> Reset sandbox…
        </button>
        <SaveResult result={result} />
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Reset the sandbox?"
          confirmLabel="Reset sandbox"
          busyLabel="Resetting…"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const error = await resetSandbox()
            if (!error) setResult({ ok: true, text: 'The sandbox was reset: a new Sandbox Agent and number are ready.' })
            return error
          }}
        >
          Every agent, number, call, conversation and contact in the sandbox is deleted, usage starts from zero and the balance
          is refilled. Live sandbox calls end. This cannot be undone.
        </ConfirmDialog>
      ) : null}
    </div>
  )
}
