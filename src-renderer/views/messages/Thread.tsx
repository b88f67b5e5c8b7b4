import { Loader } from 'lucide-react'
import { useLayoutEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { CopyId } from '../../components/CopyId'
import { knownName } from '../../lib/call-labels'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { ConversationState } from './ConversationState'
import { MessageBubble, OutboxBubble } from './MessageBubble'
import { MessageComposer } from './MessageComposer'

const NO_MESSAGES: never[] = []
/**
 * Messages drawn at first, newest last; older ones one press away. A busy thread then costs the
 * browser a few hundred nodes to lay out on every new text, not thousands.
 */
export const THREAD_WINDOW = 150

/** One conversation: who it is with, its state, the messages (live), and the reply box. */
export function Thread({ id }: { id: string }) {
  const t = useAppStore(
    useShallow((s) => ({
      conversation: s.conversations[id],
      messages: s.threads[id] ?? NO_MESSAGES,
      outbox: s.outbox[id] ?? NO_MESSAGES,
      status: s.threadStatus[id],
      agentName: (s.pickerAgents ?? []).find((a) => a.id === s.conversations[id]?.agentId)?.name ?? null,
      sandbox: s.status?.mode === 'sandbox'
    }))
  )
  const logRef = useRef<HTMLDivElement>(null)
  const [shown, setShown] = useState(THREAD_WINDOW)
  const hidden = Math.max(0, t.messages.length - shown)
  const visible = hidden > 0 ? t.messages.slice(hidden) : t.messages
  // New messages scroll into view. Keyed on the newest message, not the count: a full thread
  // (kept at its cap) stays the same length as texts arrive.
  const newest = `${t.messages.at(-1)?.id ?? ''}|${t.outbox.length}`
  useLayoutEffect(() => {
    const el = logRef.current
    if (el) el.scrollTop = el.scrollHeight
  }, [newest])
  const c = t.conversation
  if (!c) return <div className="thread" />
  return (
    <section className="thread" aria-labelledby="thread-heading">
      <div className="thread-header">
        <h2 id="thread-heading">
          {knownName(c.participant, t.sandbox)}{' '}
          <span className="mono">{c.participant ? formatPhone(c.participant) : 'Unknown sender'}</span>
        </h2>
        <span className="muted small">
          with <span className="strong">{t.agentName ?? 'Unknown agent'}</span> on{' '}
          <span className="mono">{c.phoneNumber ? formatPhone(c.phoneNumber) : '—'}</span>
        </span>
        <span className="header-spacer" />
        {c.id.startsWith('local:') ? null : <CopyId id={c.id} what="conversation" />}
      </div>
      <ConversationState conversation={c} />
      {/* The log wraps the list: a list given role="log" would orphan its items (axe: listitem). */}
      <div ref={logRef} className="thread-log" role="log" aria-label="Messages in this conversation">
        <ol className="thread-lines">
        {t.status === 'loading' && t.messages.length === 0 ? (
          <li className="muted small" role="status"><Loader size={13} aria-hidden="true" /> Loading messages…</li>
        ) : null}
        {hidden > 0 ? (
          <li className="thread-earlier">
            <button type="button" className="button button--quiet" onClick={() => setShown((n) => n + THREAD_WINDOW)}>
              Show {Math.min(hidden, THREAD_WINDOW)} earlier messages
            </button>
          </li>
        ) : null}
        {visible.map((m) => <MessageBubble key={m.id} message={m} />)}
        {t.outbox.map((o) => <OutboxBubble key={o.localId} item={o} />)}
        </ol>
      </div>
      {t.status === 'error' ? <p className="notice notice--error small">Older messages could not be loaded; new ones still arrive.</p> : null}
      <MessageComposer id={id} />
    </section>
  )
}
