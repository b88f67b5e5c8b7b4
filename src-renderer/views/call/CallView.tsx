import { ArrowLeft, PhoneOff } from 'lucide-react'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Duration } from '../../components/Timers'
import { StateBadge } from '../../components/StateBadge'
import { callStateKind, DIRECTION_WORD, isTerminal, remoteParty } from '../../lib/call-state'
import { formatPhone } from '../../lib/format'
import { isTyping } from '../../lib/app-effects'
import { waitingTurnFor } from '../../store/selectors'
import { useAppStore } from '../../store/store-context'
import { CallerAnnouncer } from './CallerAnnouncer'
import { ReplyComposer } from './ReplyComposer'
import { Transcript } from './Transcript'

/** One call in full: who and how long, the live transcript, and the reply box. */
export function CallView({ callId }: { callId: string }) {
  const { call, waiting, closeCall, endCall } = useAppStore(
    useShallow((s) => ({
      call: s.calls[callId],
      waiting: waitingTurnFor(s, callId) !== null,
      closeCall: s.closeCall,
      endCall: s.endCall
    }))
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      // Escape in the reply box must not throw the person out of the call mid-sentence.
      if (e.key === 'Escape' && !e.defaultPrevented && !isTyping(e.target)) closeCall()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [closeCall])

  const back = (
    <button type="button" className="button button--quiet" onClick={closeCall}>
      <ArrowLeft size={14} aria-hidden="true" /> Back to Monitor
    </button>
  )
  if (!call) {
    return (
      <section className="view" aria-label="Call">
        <div className="view-header">{back}</div>
        <p className="muted pad">Loading the call…</p>
      </section>
    )
  }
  const ended = isTerminal(call.status)
  return (
    <section className="view call-view" aria-labelledby="call-heading">
      <div className="view-header call-header">
        {back}
        <h1 id="call-heading">
          {DIRECTION_WORD[call.direction]} call · <span className="mono">{formatPhone(remoteParty(call))}</span>
        </h1>
        <span className="muted call-agent">
          agent <span className="strong">{call.agentName ?? 'Unknown agent'}</span>
        </span>
        <StateBadge kind={callStateKind(call, waiting)} />
        <Duration startedAt={call.startedAt} endedAt={call.endedAt} />
        <span className="header-spacer" />
        <span className="mono muted small call-id" title="AgentPhone call id">
          {call.id}
        </span>
        <button type="button" className="button button--danger" disabled={ended} onClick={() => void endCall(call.id)}>
          <PhoneOff size={14} aria-hidden="true" /> End call
        </button>
      </div>
      <Transcript callId={call.id} />
      <CallerAnnouncer callId={call.id} />
      <ReplyComposer call={call} />
    </section>
  )
}
