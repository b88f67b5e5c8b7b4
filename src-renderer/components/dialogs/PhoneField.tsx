import { CircleAlert, CircleCheck } from 'lucide-react'
import type { PhoneCheck } from '../../lib/phone-input'

/**
 * A phone number input that says, as the person types, the E.164 number it will use or what is
 * wrong with it. The verdict turns red only once `insist` is set (after leaving the field or
 * pressing the action), so the first digit typed is not met with an error.
 */
export function PhoneField(props: {
  id: string
  label: string
  value: string
  check: PhoneCheck
  insist: boolean
  onChange: (value: string) => void
  onBlur?: () => void
  autoFocus?: boolean
}) {
  const { check } = props
  const hintId = `${props.id}-check`
  const bad = check.kind === 'error' && props.insist
  return (
    <div className="field">
      <label className="label" htmlFor={props.id}>
        {props.label}
      </label>
      <input
        id={props.id}
        className="input mono"
        inputMode="tel"
        autoComplete="off"
        value={props.value}
        aria-invalid={bad || undefined}
        aria-describedby={hintId}
        autoFocus={props.autoFocus}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
      />
      <p id={hintId} className={`field-hint small${bad ? ' field-hint--bad' : ''}`} aria-live="polite">
        {check.kind === 'empty' ? (
          <span className="muted">US is assumed when there is no + country code.</span>
        ) : check.kind === 'ok' ? (
          <span className="field-hint--ok">
            <CircleCheck size={13} aria-hidden="true" /> <span className="mono">{check.e164}</span>
            <span className="muted"> · {check.display}{check.assumedCountry ? ' (US assumed)' : ''}</span>
          </span>
        ) : (
          <span>
            <CircleAlert size={13} aria-hidden="true" /> Not a phone number yet: {check.message}
          </span>
        )}
      </p>
    </div>
  )
}
