import { useMemo, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Conversation } from '../../../src-preload/contract'
import { ListboxRows, listboxTarget } from '../../components/ListboxRows'
import { useAppStore } from '../../store/store-context'
import { conversationDomId, ConversationRow } from './ConversationRow'

/** Below this many rows every row is rendered; above it only the visible ones are. */
export const VIRTUALIZE_CONVERSATIONS_FROM = 60
const ROW_HEIGHT = 66

type Props = { conversations: Conversation[]; selectedId: string | null; onOpen: (id: string) => void }

/** A listbox with one tab stop: arrows move the highlight, Enter (or a click) opens the thread. */
export function ConversationList(props: Props) {
  const { conversations } = props
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null)
  const [activeId, setActiveId] = useState<string | null>(props.selectedId)
  const found = conversations.findIndex((c) => c.id === (activeId ?? props.selectedId))
  const index = Math.max(0, found)
  const active = conversations[index]
  const { unread, agents } = useAppStore(useShallow((s) => ({ unread: s.unread, agents: s.pickerAgents })))
  const agentNames = useMemo(() => new Map((agents ?? []).map((a) => [a.id, a.name])), [agents])

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const to = listboxTarget(e, index, conversations.length)
    if (to !== null) setActiveId(conversations[to]!.id)
    else if (e.key === 'Enter' && active) {
      e.preventDefault()
      props.onOpen(active.id)
    }
  }
  const row = (c: Conversation) => (
    <ConversationRow
      conversation={c}
      agentName={c.agentId ? agentNames.get(c.agentId) ?? null : null}
      unread={unread[c.id] ?? 0}
      selected={c.id === active?.id}
      open={c.id === props.selectedId}
      onOpen={(id) => {
        setActiveId(id)
        props.onOpen(id)
      }}
    />
  )

  return (
    <div
      ref={setScrollBox}
      role="listbox"
      aria-label="Conversations"
      tabIndex={0}
      aria-activedescendant={active ? conversationDomId(active.id) : undefined}
      className="conv-list"
      onKeyDown={onKeyDown}
    >
      <ListboxRows
        items={conversations}
        // Scrolled to only once someone chose a row: otherwise every text that re-sorts the list
        // would pull it back to the top (and force a layout on every frame of a flood).
        index={found}
        scrollBox={scrollBox}
        rowHeight={ROW_HEIGHT}
        virtualizeFrom={VIRTUALIZE_CONVERSATIONS_FROM}
        overscan={6}
        getKey={(c) => c.id}
        domId={(c) => conversationDomId(c.id)}
        renderRow={row}
      />
    </div>
  )
}
