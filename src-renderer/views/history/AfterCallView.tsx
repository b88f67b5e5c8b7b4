import { ArrowLeft } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import type { CallInfo, TranscriptTurn } from '../../../src-preload/contract'
import { respondersOf } from '../../../src-preload/responders'
import { CopyId } from '../../components/CopyId'
import { StateBadge } from '../../components/StateBadge'
import { partyName } from '../../lib/call-labels'
import { callStateKind, DIRECTION_WORD, isTerminal, remoteParty, stateWord } from '../../lib/call-state'
import { formatPhone } from '../../lib/format'
import { inDialog } from '../../lib/shortcuts'
import type { AfterCallTarget } from '../../store/call-history-types'
import { useAppStore } from '../../store/store-context'
import { CallRecording } from '../call/CallRecording'
import { CallExport } from './CallExport'
import { CallNotes } from './CallNotes'
import { FullTranscript } from './FullTranscript'
import { dateTime, durationWord } from './history-words'

type Loaded = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; call: CallInfo; transcript: TranscriptTurn[] }

const seconds = (c: CallInfo): number | null => (c.endedAt ? Math.max(0, Math.round((Date.parse(c.endedAt) - Date.parse(c.startedAt)) / 1000)) : null)

/** One call afterwards: who and when, the recording, the note and tags, and every line. */
export function AfterCallView({ target }: { target: AfterCallTarget }) {
  const close = useAppStore((s) => s.closeAfterCall)
  const bridgeGet = useAppStore((s) => s.fetchCallDetail)
  const phoneCallId = useAppStore((s) => s.phoneCallId)
  const sandbox = useAppStore((s) => s.status?.mode === 'sandbox')
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    let gone = false
    void bridgeGet(target.callId).then((res) => !gone && setState(res))
    return () => {
      gone = true
    }
  }, [target.callId, bridgeGet])
  // Escape goes back to the list, unless the person is typing a note or a dialog has it.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && !inDialog(e.target) && !(e.target instanceof HTMLTextAreaElement) && !(e.target instanceof HTMLInputElement)) close()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [close])
  useEffect(() => {
    if (state.kind === 'ready' && target.lineIndex === null) heading.current?.focus()
  }, [state.kind, target.lineIndex])

  const back = (
    <button type="button" className="button button--quiet" onClick={close} aria-keyshortcuts="Escape">
      <ArrowLeft size={14} aria-hidden="true" /> Back to History
    </button>
  )
  if (state.kind !== 'ready') {
    return (
      <section className="view" aria-label="Call">
        <div className="view-header">{back}</div>
        {state.kind === 'loading' ? <p className="muted pad" role="status">Loading the call…</p> : <p className="pad" role="alert">The call could not be loaded: {state.message}</p>}
      </section>
    )
  }
  const { call, transcript } = state
  const responders = respondersOf(call, transcript)
  // The far end keeps the name it had while live ("Caller", "Person called", "Sandbox phone").
  const party = partyName(call, phoneCallId, sandbox)
  return (
    <section className="view after-call" aria-labelledby="after-call-heading">
      <div className="view-header call-header">
        {back}
        <h1 id="after-call-heading" ref={heading} tabIndex={-1}>
          {party} <span className="mono call-number">{formatPhone(remoteParty(call))}</span>
        </h1>
        <StateBadge kind={callStateKind(call, false)} word={stateWord(call, false)} />
        <span className="header-spacer" />
        <CopyId id={call.id} what="call" />
        <CallExport callId={call.id} />
      </div>
      <dl className="after-call-facts">
        <div><dt>When</dt><dd>{dateTime(call.startedAt)}</dd></div>
        <div><dt>Call</dt><dd>{DIRECTION_WORD[call.direction]}, <span className="mono">{formatPhone(call.from)}</span> → <span className="mono">{formatPhone(call.to)}</span></dd></div>
        <div><dt>Length</dt><dd className="mono">{durationWord({ durationSeconds: seconds(call) })}</dd></div>
        <div><dt>Agent</dt><dd>{call.agentName ?? 'Unknown agent'}</dd></div>
        <div><dt>Answered by</dt><dd>{responders.join(', ') || '—'}</dd></div>
      </dl>
      {isTerminal(call.status) ? <CallRecording callId={call.id} /> : <p className="muted small pad">The call is still live: its recording comes once it ends.</p>}
      <div className="after-call-body">
        <FullTranscript lines={transcript} focusLine={target.lineIndex} ended={isTerminal(call.status)} sides={{ party, agent: call.agentName ?? 'Agent', simulated: sandbox }} />
        <CallNotes callId={call.id} />
      </div>
    </section>
  )
}
