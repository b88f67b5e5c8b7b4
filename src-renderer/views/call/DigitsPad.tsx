import { useState } from 'react'
import { Keypad } from '../../components/Keypad'
import { useAppStore } from '../../store/store-context'

/**
 * Keys collect into a short sequence that goes out as one reply: a turn takes a single final
 * answer, so "1 2 3 #" pressed one by one would otherwise spend the turn on the first key.
 */
export function DigitsPad(props: { callId: string; disabled: boolean; hangup: boolean }) {
  const [digits, setDigits] = useState('')
  const sendDigits = useAppStore((s) => s.sendDigits)
  const send = async (): Promise<void> => {
    if (await sendDigits(props.callId, digits, props.hangup)) setDigits('')
  }
  return (
    <div className="digits" role="group" aria-labelledby={`digits-${props.callId}`}>
      <span id={`digits-${props.callId}`} className="label">
        Keys (DTMF)
      </span>
      <div className="digits-body">
        <Keypad label="Reply keypad" namePrefix="Digit" disabled={props.disabled} onKey={(k) => setDigits((d) => (d + k).slice(0, 64))} />
        <div className="digits-side">
          <output className="mono digits-value" aria-label="Digits to send">
            {digits || '—'}
          </output>
          <button type="button" className="button" disabled={props.disabled || !digits} onClick={() => void send()}>
            Send digits
          </button>
          <button type="button" className="button button--quiet" disabled={!digits} onClick={() => setDigits('')}>
            Clear digits
          </button>
        </div>
      </div>
    </div>
  )
}
