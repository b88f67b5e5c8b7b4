import { Phone, PhoneCall, PhoneOff, X } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Duration } from '../../components/Timers'
import { Keypad } from '../../components/Keypad'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { CallerHears } from './CallerHears'
import { ContactTexts } from './ContactTexts'
import { FirstRunGuide } from './FirstRunGuide'
import { RingingCard } from './RingingCard'

/** A pretend phone: the tester plays the caller against the sandbox agent. */
export function SandboxPhone() {
  const s = useAppStore(
    useShallow((st) => ({
      sandbox: st.status?.sandbox ?? null,
      phoneCallId: st.phoneCallId,
      call: st.phoneCallId ? st.calls[st.phoneCallId] : undefined,
      ringing: st.ringing,
      dialing: st.dialing,
      guideDismissed: st.guideDismissed,
      toggle: st.toggleSandboxPanel
    }))
  )
  return (
    <aside className="phone" aria-labelledby="phone-heading">
      <div className="phone-header">
        <h2 id="phone-heading">
          <Phone size={15} aria-hidden="true" /> Sandbox phone
        </h2>
        <button type="button" className="icon-button" aria-label="Hide sandbox phone" onClick={s.toggle}>
          <X size={14} aria-hidden="true" />
        </button>
      </div>
      {s.guideDismissed ? null : <FirstRunGuide />}
      {s.ringing ? <RingingCard /> : null}
      {s.phoneCallId ? (
        <OnCall startedAt={s.call?.startedAt ?? null} />
      ) : (
        <DialForm defaultNumber={s.sandbox?.number.phoneNumber ?? ''} agentName={s.sandbox?.agent.name ?? null} dialing={s.dialing} />
      )}
      <CallerHears />
      <ContactTexts />
    </aside>
  )
}

function DialForm(props: { defaultNumber: string; agentName: string | null; dialing: boolean }) {
  const dial = useAppStore((st) => st.dial)
  // null = not edited: the field follows the sandbox agent's number from app.status until then.
  const [typed, setTyped] = useState<string | null>(null)
  const to = typed ?? props.defaultNumber
  return (
    <form
      className="phone-section"
      onSubmit={(e) => {
        e.preventDefault()
        if (to.trim()) void dial(to.trim())
      }}
    >
      {props.agentName ? (
        <p className="small">
          <span className="strong">{props.agentName}</span>{' '}
          <span className="mono muted">{formatPhone(props.defaultNumber)}</span>
        </p>
      ) : null}
      <label className="label" htmlFor="phone-dial-to">
        Number to dial
      </label>
      <div className="inline">
        <input id="phone-dial-to" className="input mono" value={to} onChange={(e) => setTyped(e.target.value)} inputMode="tel" />
        <button type="submit" className="button button--primary" disabled={props.dialing || !to.trim()}>
          <PhoneCall size={14} aria-hidden="true" /> {props.dialing ? 'Dialling…' : 'Dial'}
        </button>
      </div>
    </form>
  )
}

function OnCall({ startedAt }: { startedAt: string | null }) {
  const { say, press, hangup } = useAppStore(useShallow((st) => ({ say: st.say, press: st.press, hangup: st.hangup })))
  const [text, setText] = useState('')
  return (
    <div className="phone-section">
      <p className="phone-oncall">
        <PhoneCall size={14} aria-hidden="true" /> On a call {startedAt ? <Duration startedAt={startedAt} endedAt={null} /> : null}
      </p>
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault()
          const said = text.trim()
          if (!said) return
          void say(said).then((ok) => ok && setText((t) => (t.trim() === said ? '' : t)))
        }}
      >
        <label className="sr-only" htmlFor="phone-say">
          Say as the caller
        </label>
        <input id="phone-say" className="input" placeholder="Say as the caller…" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--primary" disabled={!text.trim()}>
          Say
        </button>
      </form>
      <Keypad label="Phone keypad" namePrefix="Press" onKey={(k) => void press(k)} />
      <button type="button" className="button button--danger wide" onClick={() => void hangup()}>
        <PhoneOff size={14} aria-hidden="true" /> Hang up
      </button>
    </div>
  )
}
