import { MessageSquare } from 'lucide-react'
import { useLayoutEffect, useRef, useState } from 'react'
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
  const [sending, setSending] = useState(false)
  const listRef = useRef<HTMLOListElement>(null)
  useLayoutEffect(() => {
    const el = listRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [texts.length])

  const submit = async (): Promise<void> => {
    const body = text.trim()
    if (!body || !agentNumber || sending) return
    setSending(true)
    const ok = await send(agentNumber, body)
    setSending(false)
    // Only clear what went out: the person may have typed on while it was sending.
    if (ok) setText((t) => (t.trim() === body ? '' : t))
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
          <li key={t.id} className={`text-bubble text-bubble--${t.side}`}>
            <span className="sr-only">{t.side === 'contact' ? 'You: ' : 'Agent: '}</span>
            {t.body}
            <span className="mono muted text-time">{formatWhen(t.at)}</span>
          </li>
        ))}
      </ol>
      {texts.length === 0 ? <p className="muted small">No texts yet. Send one below; it reaches Messages as an incoming text.</p> : null}
      <form
        className="inline"
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <label className="sr-only" htmlFor="phone-text">
          Text as the contact
        </label>
        <input id="phone-text" className="input" placeholder="Text the agent…" value={text} maxLength={1600} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--primary" disabled={!text.trim() || !agentNumber || sending}>
          {sending ? 'Sending…' : 'Send text'}
        </button>
      </form>
      <TesterFaults />
    </section>
  )
}
