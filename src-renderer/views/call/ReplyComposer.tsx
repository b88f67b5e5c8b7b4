import { CircleAlert, Send, MessageCircleDashed } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { CallInfo, CopilotAction } from '../../../src-preload/contract'
import { replyBoxId } from '../../lib/answer-call'
import { partyRole } from '../../lib/call-labels'
import { isTerminal } from '../../lib/call-state'
import { WORDS } from '../../lib/words'
import { claimedByOther, waitingTurnFor } from '../../store/selectors'
import { useAppStore } from '../../store/store-context'
import { AutopilotBar } from './AutopilotBar'
import { AnswererToggle, TransferButton, transferBlocker } from './CallControls'
import { ComposerStatus } from './ComposerStatus'
import { CopilotNote } from './CopilotNote'
import { DigitsPad } from './DigitsPad'
import { QuickReplies } from './QuickReplies'
import { useCallCopilot } from './use-call-copilot'
import { useCallKeys } from './use-call-keys'

const NO_REPLIES: string[] = []

/**
 * Where a person answers the caller's turn. The box stays editable while no turn waits so a reply
 * can be drafted while the caller is still talking; only sending waits for an open turn.
 */
export function ReplyComposer({ call }: { call: CallInfo }) {
  const callId = call.id
  const s = useAppStore(
    useShallow((st) => ({
      turn: waitingTurnFor(st, callId),
      draft: st.drafts[callId] ?? '',
      takenBy: claimedByOther(st, waitingTurnFor(st, callId)),
      notice: st.notices[callId],
      sending: st.sending[callId] === true,
      replies: st.settings?.quickReplies ?? NO_REPLIES,
      agent: call.agentId ? st.callAgents[call.agentId] : null,
      setDraft: st.setDraft,
      sendReply: st.sendReply,
      sendQuickReply: st.sendQuickReply,
      askConfirm: st.askCallConfirm,
      setAnswerer: st.setAnswerer,
      sendDigits: st.sendDigits,
      adoptCopilotDraft: st.adoptCopilotDraft,
      dropCopilotDraft: st.dropCopilotDraft,
      takeOver: st.takeOver
    }))
  )
  const [hangup, setHangup] = useState(false)
  const boxRef = useRef<HTMLTextAreaElement>(null)
  const ended = isTerminal(call.status)
  const hosted = call.voiceMode === 'hosted'
  const takenByOther = s.takenBy !== null
  // The copilot's draft fills the box only while the person has typed nothing: never over their words.
  const copilot = useCallCopilot(call, s.turn?.turnId ?? null, s.draft)
  const text = s.draft || copilot.inBox?.text || ''
  const canSend = s.turn !== null && !takenByOther && !s.sending && !ended && text.trim() !== ''
  const transferNumber = s.agent === undefined ? undefined : (s.agent?.transferNumber ?? null)
  const blocked = transferBlocker(call, transferNumber, s.turn !== null)

  useEffect(() => {
    if (!ended && !hosted) boxRef.current?.focus()
  }, [callId, ended, hosted])

  // Saying a line and then hanging up cannot be undone: it waits for a yes (CallConfirmDialog).
  const confirmHangup = (words: string, go: () => Promise<unknown>): void => s.askConfirm({ kind: 'hangup', callId, words, send: go })
  const send = (interim: boolean, hangUp = hangup): void => {
    if (!canSend) return
    if (copilot.inBox) s.adoptCopilotDraft(callId) // sent as is: it becomes the person's reply
    if (hangUp && !interim) confirmHangup(text.trim(), () => s.sendReply(callId, { hangup: true }))
    else void s.sendReply(callId, { interim })
  }
  const pick = (line: string): void => {
    if (hangup && s.turn) confirmHangup(line, () => s.sendQuickReply(callId, line, true))
    else void s.sendQuickReply(callId, line, hangup)
  }
  // The copilot's suggestions go through the same doors as the buttons: transfer and hang up ask first.
  const act = (action: CopilotAction): void => {
    if (action.type === 'transfer') transfer()
    else if (action.type === 'hangup') send(false, true)
    else void s.sendDigits(callId, action.digits, { endTurn: false, hangup: false })
  }
  const transfer = (): void => {
    if (!blocked) s.askConfirm({ kind: 'transfer', callId })
  }
  const live = !ended && !hosted
  useCallKeys({
    quickReply: live
      ? (n) => {
          const text = s.replies[n - 1]
          if (text !== undefined) pick(text)
        }
      : undefined,
    transfer: live ? transfer : undefined,
    toggleAnswerer: live ? () => void s.setAnswerer(callId, call.answeredBy === 'human' ? 'fallback' : 'human') : undefined,
    takeOver: live && copilot.autopilot ? () => void s.takeOver(callId) : undefined
  })

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Escape' && copilot.inBox) {
      e.preventDefault() // this Escape clears the draft; the next one leaves the box
      s.dropCopilotDraft(callId)
      return
    }
    if (e.key !== 'Enter' || e.shiftKey || e.nativeEvent.isComposing) return
    e.preventDefault()
    send(e.ctrlKey || e.metaKey)
  }

  return (
    <section className="composer" aria-labelledby="composer-heading">
      <div className="composer-status">
        <h2 id="composer-heading">Reply</h2>
        <ComposerStatus call={call} deadline={s.turn?.deadline ?? null} claimedBy={s.turn?.claimedBy ?? null} takenBy={s.takenBy} />
        <span className="header-spacer" />
        {live ? <AnswererToggle call={call} /> : null}
      </div>
      {live ? <AutopilotBar call={call} copilot={copilot} /> : null}
      {hosted ? null : (
        <div className="composer-grid">
          <div className="composer-main">
            <label htmlFor={replyBoxId(callId)} className="label">
              Reply to {partyRole(call, 'lower')}
            </label>
            <textarea
              id={replyBoxId(callId)}
              ref={boxRef}
              className={copilot.inBox ? 'reply-box reply-box--drafted' : 'reply-box'}
              rows={3}
              value={text}
              disabled={ended}
              aria-describedby={copilot.inBox ? `copilot-note-${callId} reply-hints-${callId}` : `reply-hints-${callId}`}
              onChange={(e) => (copilot.inBox ? s.adoptCopilotDraft(callId, e.target.value) : s.setDraft(callId, e.target.value))}
              onKeyDown={onKeyDown}
            />
            <p id={`reply-hints-${callId}`} className="hints muted small">
              <kbd>Enter</kbd> sends the answer · <kbd>Shift</kbd>+<kbd>Enter</kbd> new line · <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd>{' '}
              says it now and keeps the turn open (the countdown does not stop) · <kbd>Esc</kbd> leaves the box
            </p>
            {live ? <CopilotNote callId={callId} copilot={copilot} onUse={() => s.adoptCopilotDraft(callId)} onAction={act} /> : null}
            {s.notice ? (
              <p className={`notice notice--${s.notice.kind}`} role="alert">
                <CircleAlert size={14} aria-hidden="true" /> {s.notice.text}
              </p>
            ) : null}
            <QuickReplies replies={s.replies} disabled={ended || s.sending} onPick={pick} />
            <div className="composer-actions">
              <label className="check">
                <input type="checkbox" checked={hangup} onChange={(e) => setHangup(e.target.checked)} disabled={ended} />
                Hang up after speaking
              </label>
              <span className="header-spacer" />
              {live ? <TransferButton call={call} blocked={blocked} onTransfer={transfer} /> : null}
              <button type="button" className="button" disabled={!canSend} title={WORDS.sayNowWhy} aria-keyshortcuts="Control+Enter" onClick={() => send(true)}>
                <MessageCircleDashed size={14} aria-hidden="true" /> {WORDS.sayNow}
              </button>
              <button type="button" className="button button--primary" disabled={!canSend} onClick={() => send(false)}>
                <Send size={14} aria-hidden="true" /> {s.sending ? 'Sending…' : hangup ? 'Send and hang up…' : 'Send'}
              </button>
            </div>
          </div>
          <DigitsPad callId={callId} disabled={s.turn === null || ended} hangup={hangup} confirmHangup={confirmHangup} />
        </div>
      )}
    </section>
  )
}
