import { CircleAlert, Loader, Pencil, RotateCw } from 'lucide-react'
import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Message } from '../../../src-preload/contract'
import type { OutboxItem } from '../../store/messages-types'
import { useAppStore } from '../../store/store-context'
import { formatWhen } from './format-when'

/** Memoised: messages never change once received, and a busy thread re-renders on every new one. */
export const MessageBubble = memo(function MessageBubble({ message: m }: { message: Message }) {
  const ours = m.direction === 'outbound'
  return (
    <li className={`bubble ${ours ? 'bubble--out' : 'bubble--in'}`}>
      <span className="sr-only">{ours ? 'Sent: ' : 'Received: '}</span>
      <p className="bubble-body">{m.body}</p>
      <span className="bubble-meta mono small muted">
        {ours ? 'Sent ' : ''}
        {m.at ? formatWhen(m.at) : ''}
      </span>
    </li>
  )
})

/**
 * A reply that is going out or failed to. A failed one keeps its text, says why, and is sent
 * again only when the person presses Retry (a retry could otherwise text someone twice).
 */
export function OutboxBubble({ item }: { item: OutboxItem }) {
  const { retry, edit } = useAppStore(useShallow((s) => ({ retry: s.retrySend, edit: s.editFailed })))
  const failed = item.state === 'failed'
  return (
    <li className={`bubble bubble--out ${failed ? 'bubble--failed' : 'bubble--sending'}`} aria-busy={!failed}>
      <p className="bubble-body">{item.body}</p>
      {failed ? (
        <div className="bubble-failure" role="alert">
          <span className="bubble-error small">
            <CircleAlert size={13} aria-hidden="true" /> {item.error ?? 'Not sent.'}
          </span>
          <span className="inline">
            <button type="button" className="button" onClick={() => void retry(item.conversationId, item.localId)}>
              <RotateCw size={13} aria-hidden="true" /> Retry
            </button>
            <button type="button" className="button button--quiet" onClick={() => edit(item.conversationId, item.localId)}>
              <Pencil size={13} aria-hidden="true" /> Edit
            </button>
          </span>
        </div>
      ) : (
        <span className="bubble-meta small muted">
          <Loader size={12} aria-hidden="true" /> Sending…
        </span>
      )}
    </li>
  )
}
