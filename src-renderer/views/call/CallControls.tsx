import { PhoneForwarded } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { CallInfo } from '../../../src-preload/contract'
import { WORDS } from '../../lib/words'
import { useAppStore } from '../../store/store-context'

/**
 * Why Transfer cannot be used right now, or null when it can. Transfer rides on a turn's answer;
 * where it goes is chosen in the dialog (the agent's transfer number, or one typed there).
 */
export function transferBlocker(call: CallInfo, transferNumber: string | null | undefined, turnWaiting: boolean): string | null {
  if (!call.agentId) return 'Transfer is unavailable: this call has no known agent.'
  if (transferNumber === undefined) return 'Checking this agent’s transfer number…'
  if (!turnWaiting) return 'Transfer goes out as the answer to a turn: wait until the caller finishes speaking.'
  return null
}

/** Transfer stays focusable when blocked (aria-disabled) so keyboard and screen-reader users hear why. */
export function TransferButton(props: { call: CallInfo; blocked: string | null; onTransfer: () => void }) {
  const id = `transfer-why-${props.call.id}`
  const target = 'Choose where the call goes, then confirm'
  return (
    <>
      <button
        type="button"
        className="button"
        aria-disabled={props.blocked !== null}
        aria-describedby={id}
        aria-keyshortcuts="Alt+T"
        title={props.blocked ?? `${target} (Alt+T)`}
        onClick={props.onTransfer}
      >
        <PhoneForwarded size={14} aria-hidden="true" /> Transfer
      </button>
      <span id={id} className="sr-only">
        {props.blocked ?? target}
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
    { value: 'fallback', label: WORDS.fallbackOnly, title: WORDS.fallbackOnlyWhy }
  ] as const
  return (
    <fieldset className="answerer" disabled={pending} aria-keyshortcuts="Alt+A">
      <legend className="label">{WORDS.whoAnswers}</legend>
      {options.map((o) => (
        <label key={o.value} className="check" title={'title' in o ? o.title : undefined}>
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
