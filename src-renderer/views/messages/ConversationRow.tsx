import type { Conversation } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'
import { formatWhen } from './format-when'

export const conversationDomId = (id: string): string => `conv-${id.replace(/[^\w-]/g, '_')}`

/** One conversation: who, through which agent and number, the last words, and what is unread. */
export function ConversationRow(props: {
  conversation: Conversation
  agentName: string | null
  unread: number
  selected: boolean
  open: boolean
  onOpen: (id: string) => void
}) {
  const c = props.conversation
  return (
    <div
      id={conversationDomId(c.id)}
      role="option"
      aria-selected={props.selected}
      aria-current={props.open || undefined}
      className={`conv-row${props.selected ? ' conv-row--selected' : ''}${props.open ? ' conv-row--open' : ''}${props.unread ? ' conv-row--unread' : ''}`}
      onClick={() => props.onOpen(c.id)}
    >
      <div className="conv-line">
        <span className="mono conv-who">{c.participant ? formatPhone(c.participant) : 'Unknown sender'}</span>
        {props.unread > 0 ? (
          <span className="unread-count mono" aria-label={`${props.unread} unread`}>
            {props.unread}
          </span>
        ) : null}
        <span className="header-spacer" />
        <span className="mono muted small">{c.lastMessageAt ? formatWhen(c.lastMessageAt) : ''}</span>
      </div>
      <div className="conv-line small muted">
        <span className="conv-agent">{props.agentName ?? 'Unknown agent'}</span>
        <span aria-hidden="true">·</span>
        <span className="mono">{c.phoneNumber ? formatPhone(c.phoneNumber) : '—'}</span>
      </div>
      <div className="conv-preview small">{c.lastMessagePreview ?? <span className="muted">No messages yet</span>}</div>
    </div>
  )
}
