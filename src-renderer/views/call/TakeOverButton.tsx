import { useState } from 'react'
import { useAppStore } from '../../store/store-context'
import { ConfirmDialog } from '../directory/ConfirmDialog'

/**
 * Takes a waiting turn from the teammate holding it, after asking: they may be typing the answer
 * right now. (A claim nobody works on lapses by itself within seconds; this is for the rest.)
 */
export function TakeOverButton({ callId, holder }: { callId: string; holder: string }) {
  const takeOver = useAppStore((s) => s.takeOverTurn)
  const [asking, setAsking] = useState(false)
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => setAsking(true)}>
        Take over…
      </button>
      {asking ? (
        <ConfirmDialog
          title={`Take this turn from ${holder}?`}
          confirmLabel="Take over"
          busyLabel="Taking over…"
          onConfirm={() => takeOver(callId)}
          onClose={() => setAsking(false)}
        >
          {holder} is answering this caller and may be typing right now. If you take over, their reply will be refused
          and yours goes to the caller.
        </ConfirmDialog>
      ) : null}
    </>
  )
}
