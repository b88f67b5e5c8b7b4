import { CircleAlert, Loader, MessageSquare, RotateCw } from 'lucide-react'
import { useLayoutEffect, useRef, useState } from 'react'
import type { ContactText } from '../../store/messages-types'
import { useShallow } from 'zustand/react/shallow'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { formatWhen } from '../messages/format-when'
import { TesterFaults } from './TesterFaults'

/**
 * The sandbox phone as an SMS contact: text the sandbox agent's number, and read what the agent
 * texted back, as a little thread.
 */
export function ContactTexts() {
  const { texts, agentNumber, agentName, send } = useAppStore(
    useShallow((s) => ({
      texts: s.contactTexts,
      agentNumber: s.status?.sandbox?.number.phoneNumber ?? null,
      agentName: s.status?.sandbox?.agent.name ?? 'the agent',
      send: s.textAsContact
    }))
  )
  const [text, setText] = useState('')
  const listRef = useRef<HTMLOListElement>(null)
  useLayoutEffect(() => {
    const el = listRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [texts.length])

  const submit = (): void => {
    const body = text.trim()
    if (!body || !agentNumber) return
    // The text moves from the box into a bubble at once; the bubble says how sending goes.
    setText('')
    void send(agentNumber, body)
  }

  return (
    <section className="phone-section texts" aria-labelledby="texts-heading">
      <h3 id="texts-heading">
        <MessageSquare size={14} aria-hidden="true" /> Texts
      </h3>
      <p className="small muted">
        You text {agentName}
        {agentNumber ? <> at <span className="mono">{formatPhone(agentNumber)}</span></> : null}; its replies show here.
      </p>
      <ol ref={listRef} className="texts-list" aria-label="Texts with the agent">
        {texts.map((t) => (
          <li key={t.id} className={`text-bubble text-bubble--${t.side}${t.state === 'failed' ? ' text-bubble--failed' : ''}`}>
            <span className="sr-only">{t.side === 'contact' ? 'You: ' : 'Agent: '}</span>
            {t.body}
            <TextState text={t} />
          </li>
        ))}
      </ol>
      {texts.length === 0 ? <p className="muted small">No texts yet. Send one below; it reaches Messages as an incoming text.</p> : null}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <label className="sr-only" htmlFor="phone-text">
          Text as the contact
        </label>
        <input id="phone-text" className="input" placeholder="Text the agent…" value={text} maxLength={1600} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--primary" disabled={!text.trim() || !agentNumber}>
          Send text
        </button>
      </form>
      <TesterFaults />
    </section>
  )
}

/** Under each of the contact's texts: sending, sent (with the time), or not sent with why and Retry. */
function TextState({ text: t }: { text: ContactText }) {
  const retry = useAppStore((s) => s.retryContactText)
  if (t.side === 'agent') return <span className="mono muted text-time">{formatWhen(t.at)}</span>
  if (t.state === 'sending') {
    return (
      <span className="muted text-time">
        <Loader size={11} aria-hidden="true" /> Sending…
      </span>
    )
  }
  if (t.state === 'failed') {
    return (
      <span className="text-time text-failed" role="alert">
        <CircleAlert size={11} aria-hidden="true" /> Not sent: {t.error ?? 'refused'}{' '}
        <button type="button" className="link-button" onClick={() => void retry(t.id)}>
          <RotateCw size={11} aria-hidden="true" /> Retry
        </button>
      </span>
    )
  }
  return <span className="mono muted text-time">Sent {formatWhen(t.at)}</span>
}
