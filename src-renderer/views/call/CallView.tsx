import { ArrowLeft, PhoneOff } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Duration } from '../../components/Timers'
import { StateBadge } from '../../components/StateBadge'
import { callStateKind, DIRECTION_WORD, isTerminal, remoteParty, stateWord } from '../../lib/call-state'
import { partyName, voiceModeWord } from '../../lib/call-labels'
import { formatPhone } from '../../lib/format'
import { waitingTurnFor } from '../../store/selectors'
import { useAppStore } from '../../store/store-context'
import { CallConfirmDialog } from './CallConfirmDialog'
import { CallerAnnouncer } from './CallerAnnouncer'
import { CopyId } from '../../components/CopyId'
import { CallRecording } from './CallRecording'
import { ReplyComposer } from './ReplyComposer'
import { SaveAsScenario } from './SaveAsScenario'
import { Transcript } from './Transcript'
import { useCallKeys } from './use-call-keys'

/** One call in full: who and how long, the live transcript, and the reply box. */
export function CallView({ callId }: { callId: string }) {
  const { call, waiting, closeCall, askConfirm, loadCallAgent, sandbox, phoneCallId } = useAppStore(
    useShallow((s) => ({
      call: s.calls[callId],
      waiting: waitingTurnFor(s, callId) !== null,
      closeCall: s.closeCall,
      askConfirm: s.askCallConfirm,
      loadCallAgent: s.loadCallAgent,
      sandbox: s.status?.mode === 'sandbox',
      phoneCallId: s.phoneCallId
    }))
  )
  const headingRef = useRef<HTMLHeadingElement>(null)
  const ended = call ? isTerminal(call.status) : true
  const agentId = call?.agentId ?? null

  // Asked each time the call is opened: the transfer number may have been set in Agents meanwhile.
  useEffect(() => {
    if (agentId) void loadCallAgent(agentId)
  }, [agentId, loadCallAgent])

  useCallKeys({
    back: closeCall,
    // Escape in the reply box leaves it (a second Escape goes back) rather than losing the call.
    leaveField: () => headingRef.current?.focus(),
    endCall: ended ? undefined : () => askConfirm({ kind: 'end', callId })
  })

  const back = (
    <button type="button" className="button button--quiet" onClick={closeCall} aria-keyshortcuts="Escape">
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
  return (
    <section className="view call-view" aria-labelledby="call-heading">
      <div className="view-header call-header">
        {back}
        <h1 id="call-heading" ref={headingRef} tabIndex={-1}>
          {partyName(call, phoneCallId, sandbox)} <span className="mono call-number">{formatPhone(remoteParty(call))}</span>
        </h1>
        <span className="header-spacer" />
        <button
          type="button"
          className="button button--danger"
          disabled={ended}
          title="End the call for everyone on it — asks first (Alt+E)"
          aria-keyshortcuts="Alt+E"
          onClick={() => askConfirm({ kind: 'end', callId: call.id })}
        >
          <PhoneOff size={14} aria-hidden="true" /> End call
        </button>
      </div>
      <div className="call-facts">
        <StateBadge kind={callStateKind(call, waiting)} word={stateWord(call, waiting)} />
        <span className="muted">{DIRECTION_WORD[call.direction]} call</span>
        <Duration startedAt={call.startedAt} endedAt={call.endedAt} />
        <span className="muted call-agent">
          agent <span className="strong">{call.agentName ?? 'Unknown agent'}</span>{' '}
          <span className={`tag tag--mode${call.voiceMode === 'hosted' ? ' tag--hosted' : ''}`}>{voiceModeWord(call, sandbox)}</span>
        </span>
        <span className="header-spacer" />
        <SaveAsScenario callId={call.id} ended={ended} />
        <CopyId id={call.id} what="call" />
      </div>
      {ended ? <CallRecording callId={call.id} /> : null}
      <Transcript callId={call.id} />
      <CallerAnnouncer callId={call.id} />
      {/* A finished call has nothing to answer: the transcript gets the room. */}
      {ended ? null : <ReplyComposer call={call} />}
      <CallConfirmDialog call={call} />
    </section>
  )
}
