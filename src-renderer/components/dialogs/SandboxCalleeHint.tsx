import { SANDBOX_CALLER } from '../../lib/call-labels'
import { formatPhone } from '../../lib/format'

/** What the simulated callee does, by the number's last digit (src-main/core/sim/callee.ts holds the same rule). */
const BY_LAST_DIGIT: Record<string, string> = {
  '6': 'declines',
  '7': 'is busy',
  '8': 'does not answer',
  '9': 'goes to voicemail'
}

/**
 * In the sandbox, what a number will ring, said before the call is placed: the sandbox phone (on
 * the right, where the person answers) for its own number, else the simulator's pretend callee,
 * whose answer the last digit decides.
 */
export function sandboxRings(e164: string): string {
  if (e164 === SANDBOX_CALLER) return 'Rings the sandbox phone on the right: answer or decline it there.'
  const last = e164.slice(-1)
  return `Reaches a simulated callee, not a real phone. It ends in ${last}, so it ${BY_LAST_DIGIT[last] ?? 'answers and talks'}.`
}

/** The rule in full, with a button for the sandbox phone's own number. */
export function SandboxCalleeHint({ onUseSandboxPhone }: { onUseSandboxPhone: (number: string) => void }) {
  return (
    <div id="place-sandbox-hint" className="small muted field-hint">
      <p>
        <span className="mono">{formatPhone(SANDBOX_CALLER)}</span> rings the sandbox phone, where you answer as the person called.{' '}
        <button type="button" className="link-button" onClick={() => onUseSandboxPhone(SANDBOX_CALLER)}>
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
