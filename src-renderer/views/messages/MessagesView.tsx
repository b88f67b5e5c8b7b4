import { CircleAlert, Loader, MessageSquare } from 'lucide-react'
import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState } from '../../components/EmptyState'
import { NewMessageButton } from '../../components/dialogs/NewMessageDialog'
import { plural } from '../../lib/words'
import { sortConversations } from '../../store/messages-match'
import { useAppStore } from '../../store/store-context'
import { ConversationList } from './ConversationList'
import { Thread } from './Thread'

/** Messages: SMS conversations on the left, the open thread on the right. */
export function MessagesView() {
  const s = useAppStore(
    useShallow((st) => ({
      status: st.conversationsStatus,
      error: st.conversationsError,
      count: Object.keys(st.conversations).length,
      unread: Object.values(st.unread).reduce((a, b) => a + b, 0),
      openId: st.openConversationId,
      sandbox: st.status?.mode === 'sandbox' ? st.status.sandbox : null,
      load: st.loadConversations,
      loadPickers: st.loadPickers,
      markRead: st.markRead
    }))
  )
  const { load, loadPickers, markRead, openId } = s
  useEffect(() => {
    void load()
    void loadPickers() // agent names for the rows and the reply's sender
  }, [load, loadPickers])
  // Coming back to a thread that was left open counts as reading it.
  useEffect(() => {
    if (openId) markRead(openId)
  }, [openId, markRead])

  return (
    <section className="view messages-view" aria-labelledby="messages-heading">
      <div className="view-header">
        <h1 id="messages-heading">Messages</h1>
        <span className="muted mono nowrap" aria-live="polite">
          {plural(s.count, 'conversation')} · {s.unread} unread
        </span>
        <span className="header-spacer" />
        <span className="muted small messages-keys">
          <kbd>↑</kbd> or <kbd>↓</kbd> select · <kbd>Enter</kbd> open · <kbd>n</kbd> new message
        </span>
        <NewMessageButton />
      </div>
      {s.status === 'error' && s.count === 0 ? (
        <EmptyState icon={CircleAlert} title="The conversations could not be loaded.">
          <p>{s.error}</p>
          <button type="button" className="button" onClick={() => void load()}>Try again</button>
        </EmptyState>
      ) : s.count === 0 && s.status !== 'loaded' ? (
        <p className="muted pad" role="status"><Loader size={14} aria-hidden="true" /> Loading conversations…</p>
      ) : s.count === 0 ? (
        <EmptyState icon={MessageSquare} title="No text conversations yet.">
          {s.sandbox ? (
            <p>Text the Sandbox Agent from the sandbox phone (its Texts box, on the right): the conversation shows up here to answer.</p>
          ) : (
            <p>Texts to your agents' numbers show here as they arrive. Press <kbd>n</kbd> or New message to start one.</p>
          )}
        </EmptyState>
      ) : (
        <div className="messages-split">
          <Conversations />
          {s.openId ? <Thread key={s.openId} id={s.openId} /> : <NoThread />}
        </div>
      )}
    </section>
  )
}

function Conversations() {
  const list = useAppStore(useShallow((st) => sortConversations(Object.values(st.conversations))))
  const { selectedId, open } = useAppStore(useShallow((st) => ({ selectedId: st.openConversationId, open: st.openConversation })))
  return <ConversationList conversations={list} selectedId={selectedId} onOpen={(id) => void open(id)} />
}

function NoThread() {
  return (
    <div className="thread thread--none">
      <EmptyState icon={MessageSquare} title="No conversation open.">
        <p>Choose one on the left (arrow keys, then Enter), or press <kbd>n</kbd> to text someone new.</p>
      </EmptyState>
    </div>
  )
}
