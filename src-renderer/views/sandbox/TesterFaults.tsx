import { FlaskConical, TriangleAlert } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'
import type { FaultTarget } from '../../store/messages-types'

const FAULTS: ReadonlyArray<{ target: FaultTarget; label: string; armed: (n: number) => string }> = [
  {
    target: 'messages.send',
    label: 'Make the next send fail (simulated carrier error)',
    armed: (n) => (n === 1 ? 'The next text sent will fail.' : `The next ${n} texts sent will fail.`)
  },
  {
    target: 'calls.place',
    label: 'Make the next call fail (simulated carrier error)',
    armed: (n) => (n === 1 ? 'The next call placed will fail.' : `The next ${n} calls placed will fail.`)
  }
]

/**
 * A tester's switches: the simulator refuses the next send or call with a 503 carrier error, so
 * the failure path (failed bubble, Retry, the dialog's refusal) can be seen on demand.
 */
export function TesterFaults() {
  const { armed, arm } = useAppStore(useShallow((s) => ({ armed: s.faultsArmed, arm: s.armFault })))
  return (
    <div className="tester-tools" role="group" aria-labelledby="tester-heading">
      <h4 id="tester-heading" className="small">
        <FlaskConical size={13} aria-hidden="true" /> Tester tools
      </h4>
      {FAULTS.map((f) => (
        <div key={f.target} className="tester-row">
          <button type="button" className="button wide tester-button" onClick={() => void arm(f.target)}>
            {f.label}
          </button>
          {armed[f.target] > 0 ? (
            <p className="small tester-armed" role="status">
              <TriangleAlert size={13} aria-hidden="true" /> Armed: {f.armed(armed[f.target])}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  )
}
