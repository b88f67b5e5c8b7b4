import { PhoneForwarded } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { CallInfo } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'

/**
 * Why Transfer cannot be used right now, or null when it can. Transfer rides on a turn's answer,
 * and AgentPhone needs the agent's transfer number to know where to send the caller.
 */
export function transferBlocker(call: CallInfo, transferNumber: string | null | undefined, turnWaiting: boolean): string | null {
  if (!call.agentId) return 'Transfer is unavailable: this call has no known agent.'
  if (transferNumber === undefined) return 'Checking whether this agent has a transfer number…'
  if (!transferNumber) return `Transfer is unavailable: ${call.agentName ?? 'this agent'} has no transfer number. Set one in Agents.`
  if (!turnWaiting) return 'Transfer goes out as the answer to a turn: wait until the caller finishes speaking.'
  return null
}

/** Transfer stays focusable when blocked (aria-disabled) so keyboard and screen-reader users hear why. */
export function TransferButton(props: { call: CallInfo; blocked: string | null; number: string | null; onTransfer: () => void }) {
  const id = `transfer-why-${props.call.id}`
  const target = formatPhone(props.number ?? '')
  return (
    <>
      <button
        type="button"
        className="button"
        aria-disabled={props.blocked !== null}
        aria-describedby={id}
        aria-keyshortcuts="Alt+T"
        title={props.blocked ?? `Transfer the caller to ${target} (Alt+T)`}
        onClick={props.onTransfer}
      >
        <PhoneForwarded size={14} aria-hidden="true" /> Transfer
      </button>
      <span id={id} className="sr-only">
        {props.blocked ?? `Transfers the caller to ${target}`}
      </span>
    </>
  )
}

/** Per call: a person answers each turn, or every turn gets the fallback line at once. */
export function AnswererToggle({ call }: { call: CallInfo }) {
  const { pending, setAnswerer } = useAppStore(
    useShallow((s) => ({ pending: s.answererPending[call.id] === true, setAnswerer: s.setAnswerer }))
  )
  const name = `answerer-${call.id}`
  const options = [
    { value: 'human', label: 'Me' },
    { value: 'fallback', label: 'Fallback line only' }
  ] as const
  return (
    <fieldset className="answerer" disabled={pending} aria-keyshortcuts="Alt+A">
      <legend className="label">Who answers turns</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={call.answeredBy === o.value}
            onChange={() => void setAnswerer(call.id, o.value)}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}
