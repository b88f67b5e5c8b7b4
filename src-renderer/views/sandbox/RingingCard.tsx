import { PhoneIncoming } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'

/** An outbound call from an agent is ringing the sandbox phone. */
export function RingingCard() {
  const { ringing, answer, decline } = useAppStore(
    useShallow((s) => ({ ringing: s.ringing, answer: s.answer, decline: s.decline }))
  )
  if (!ringing) return null
  return (
    <div className="phone-section ringing" role="alert">
      <p>
        <PhoneIncoming size={15} aria-hidden="true" /> Incoming call from{' '}
        <span className="mono">{formatPhone(ringing.from)}</span>
      </p>
      <div className="inline">
        <button type="button" className="button button--primary" onClick={() => void answer()}>
          Answer
        </button>
        <button type="button" className="button button--danger" onClick={() => void decline()}>
          Decline
        </button>
      </div>
    </div>
  )
}
