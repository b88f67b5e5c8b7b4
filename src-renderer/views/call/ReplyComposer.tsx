import { CircleAlert, Hourglass, Send, MessageCircleDashed, UserCheck } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CallInfo } from '../../../src-preload/contract'
import { Countdown } from '../../components/Timers'
import { isTerminal } from '../../lib/call-state'
import { waitingTurnFor } from '../../store/selectors'
import { useAppStore } from '../../store/store-context'
import { DigitsPad } from './DigitsPad'

/**
 * Where a person answers the caller's turn. The box stays editable while no turn waits so a reply
 * can be drafted while the caller is still talking; only sending waits for an open turn.
 */
export function ReplyComposer({ call }: { call: CallInfo }) {
  const callId = call.id
  const { turn, draft, notice, sending, setDraft, sendReply } = useAppStore(
    useShallow((s) => ({
      turn: waitingTurnFor(s, callId),
      draft: s.drafts[callId] ?? '',
      notice: s.notices[callId],
      sending: s.sending[callId] === true,
      setDraft: s.setDraft,
      sendReply: s.sendReply
    }))
  )
  const [hangup, setHangup] = useState(false)
  const boxRef = useRef<HTMLTextAreaElement>(null)
  const ended = isTerminal(call.status)
  const hosted = call.voiceMode === 'hosted'
  const canSend = turn !== null && !sending && !ended && draft.trim() !== ''

  useEffect(() => {
    if (!ended && !hosted) boxRef.current?.focus()
  }, [callId, ended, hosted])

  const send = (interim: boolean): void => {
    if (canSend) void sendReply(callId, { interim, hangup: interim ? false : hangup })
  }
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return
    e.preventDefault()
    send(e.ctrlKey || e.metaKey)
  }

  return (
    <section className="composer" aria-labelledby="composer-heading">
      <div className="composer-status">
        <h2 id="composer-heading">Reply</h2>
        <ComposerStatus call={call} deadline={turn?.deadline ?? null} claimedBy={turn?.claimedBy ?? null} />
      </div>
      <div className="composer-grid">
        <div className="composer-main">
          <label htmlFor={`reply-${callId}`} className="label">
            Reply to caller
          </label>
          <textarea
            id={`reply-${callId}`}
            ref={boxRef}
            className="reply-box"
            rows={3}
            value={draft}
            disabled={ended || hosted}
            aria-describedby={`reply-hints-${callId}`}
            onChange={(e) => setDraft(callId, e.target.value)}
            onKeyDown={onKeyDown}
          />
          <p id={`reply-hints-${callId}`} className="hints muted small">
            <kbd>Enter</kbd> sends · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line · <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd>{' '}
            sends as interim (spoken now, the turn stays open)
          </p>
          {notice ? (
            <p className={`notice notice--${notice.kind}`} role="alert">
              <CircleAlert size={14} aria-hidden="true" /> {notice.text}
            </p>
          ) : null}
          <div className="composer-actions">
            <label className="check">
              <input type="checkbox" checked={hangup} onChange={(e) => setHangup(e.target.checked)} disabled={ended || hosted} />
              Hang up after speaking
            </label>
            <span className="header-spacer" />
            <button type="button" className="button" disabled={!canSend} onClick={() => send(true)}>
              <MessageCircleDashed size={14} aria-hidden="true" /> Send as interim
            </button>
            <button type="button" className="button button--primary" disabled={!canSend} onClick={() => send(false)}>
              <Send size={14} aria-hidden="true" /> {sending ? 'Sending…' : 'Send'}
            </button>
          </div>
        </div>
        <DigitsPad callId={callId} disabled={turn === null || ended} hangup={hangup} />
      </div>
    </section>
  )
}

function ComposerStatus(props: { call: CallInfo; deadline: string | null; claimedBy: string | null }) {
  if (isTerminal(props.call.status)) return <span className="muted">The call is over.</span>
  if (props.call.voiceMode === 'hosted') {
    return <span className="muted">The hosted agent answers this call itself; you can still end it.</span>
  }
  if (!props.deadline) {
    return (
      <span className="muted" id={`no-turn-${props.call.id}`}>
        <Hourglass size={13} aria-hidden="true" /> No turn is waiting for a reply — sending unlocks when the caller
        finishes speaking. You can type ahead.
      </span>
    )
  }
  return (
    <span className="composer-deadline">
      <span className="strong">The caller is waiting:</span> <Countdown deadline={props.deadline} long />
      {props.claimedBy ? (
        <span className="muted">
          <UserCheck size={13} aria-hidden="true" /> claimed by {props.claimedBy}
        </span>
      ) : null}
    </span>
  )
}
