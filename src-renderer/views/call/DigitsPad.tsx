import { useState } from 'react'
import { Keypad } from '../../components/Keypad'
import { WORDS } from '../../lib/words'
import { useAppStore } from '../../store/store-context'

/**
 * Keys collect into a short sequence that goes out together (a phone menu wants "1 2 #", not a
 * reply per key). Two ways to send, said on the buttons: pressed while the caller's turn stays
 * open for a spoken answer after them, or pressed as the turn's whole answer. Neither closes the
 * turn unless the person picks the second.
 */
export function DigitsPad(props: { callId: string; disabled: boolean; hangup: boolean; confirmHangup: (words: string, send: () => Promise<unknown>) => void }) {
  const [digits, setDigits] = useState('')
  const sendDigits = useAppStore((s) => s.sendDigits)
  const send = async (endTurn: boolean): Promise<void> => {
    if (await sendDigits(props.callId, digits, { endTurn, hangup: endTurn && props.hangup })) setDigits('')
  }
  const headingId = `digits-${props.callId}`
  return (
    <div className="digits" role="group" aria-labelledby={headingId}>
      <span id={headingId} className="label" title={WORDS.keypadWhy}>
        {WORDS.keypad}
      </span>
      <div className="digits-body">
        <Keypad label="Reply keypad" namePrefix="Digit" disabled={props.disabled} onKey={(k) => setDigits((d) => (d + k).slice(0, 64))} />
        <div className="digits-side">
          <output className="mono digits-value" aria-label="Keys to press">
            {digits || '—'}
          </output>
          <button type="button" className="button" disabled={props.disabled || !digits} title="The caller's turn stays open: answer after the keys" onClick={() => void send(false)}>
            Press keys
          </button>
          <button
            type="button"
            className="button"
            disabled={props.disabled || !digits}
            title={props.hangup ? 'The keys answer the turn, then the call hangs up' : 'The keys are the whole answer to this turn'}
            onClick={() => (props.hangup ? props.confirmHangup(`the keys ${digits}`, () => send(true)) : void send(true))}
          >
            {props.hangup ? 'Press and hang up' : 'Press and end turn'}
          </button>
          <button type="button" className="button button--quiet" disabled={!digits} onClick={() => setDigits('')}>
            Clear
          </button>
        </div>
      </div>
    </div>
  )
}
