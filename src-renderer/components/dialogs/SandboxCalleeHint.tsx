import { SANDBOX_CALLER } from '../../lib/call-labels'
import { formatPhone } from '../../lib/format'

/**
 * Who answers in the sandbox, said where the number is typed: the sandbox phone's own number rings
 * it; any other number reaches the simulator's pretend callee, whose answer the last digit decides
 * (src-main/core/sim/callee.ts holds the same rule).
 */
export function SandboxCalleeHint({ onUseSandboxPhone }: { onUseSandboxPhone: (number: string) => void }) {
  return (
    <div id="place-sandbox-hint" className="small muted field-hint">
      <p>
        <span className="mono">{formatPhone(SANDBOX_CALLER)}</span> rings the sandbox phone, where you answer as the called person.{' '}
        <button type="button" className="button button--quiet" onClick={() => onUseSandboxPhone(SANDBOX_CALLER)}>
          Call the sandbox phone
        </button>
      </p>
      <p>
        Any other number reaches a simulated callee, by its last digit: 0–5 answers and talks, 6 declines, 7 is busy, 8 does not
        answer, 9 goes to voicemail.
      </p>
    </div>
  )
}
