import { useVirtualizer } from '@tanstack/react-virtual'
import { Fragment, useEffect, useMemo, useState } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Conversation } from '../../../src-preload/contract'
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
    const move = (to: number): void => {
      const c = conversations[Math.min(conversations.length - 1, Math.max(0, to))]
      if (c) setActiveId(c.id)
      e.preventDefault()
    }
    if (e.key === 'ArrowDown') move(index + 1)
    else if (e.key === 'ArrowUp') move(index - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(conversations.length - 1)
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
      {conversations.length >= VIRTUALIZE_CONVERSATIONS_FROM ? (
        <VirtualRows conversations={conversations} index={index} scrollBox={scrollBox} row={row} />
      ) : (
        <PlainRows conversations={conversations} activeId={active?.id ?? null} row={row} />
      )}
    </div>
  )
}

function PlainRows(props: { conversations: Conversation[]; activeId: string | null; row: (c: Conversation) => ReactNode }) {
  useEffect(() => {
    if (props.activeId) document.getElementById(conversationDomId(props.activeId))?.scrollIntoView({ block: 'nearest' })
  }, [props.activeId])
  return props.conversations.map((c) => <Fragment key={c.id}>{props.row(c)}</Fragment>)
}

function VirtualRows(props: { conversations: Conversation[]; index: number; scrollBox: HTMLDivElement | null; row: (c: Conversation) => ReactNode }) {
  const v = useVirtualizer({
    count: props.conversations.length,
    getScrollElement: () => props.scrollBox,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    getItemKey: (i) => props.conversations[i]?.id ?? i
  })
  // Fixed-height rows: keeping the highlight in view is arithmetic, immune to async measuring.
  const box = props.scrollBox
  useEffect(() => {
    if (!box) return
    const top = props.index * ROW_HEIGHT
    if (top < box.scrollTop) box.scrollTop = top
    else if (top + ROW_HEIGHT > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW_HEIGHT - box.clientHeight
  }, [box, props.index])
  return (
    <div className="virtual-space" style={{ height: v.getTotalSize() }}>
      {v.getVirtualItems().map((item) => {
        const c = props.conversations[item.index]
        return c ? (
          <div key={item.key} className="virtual-row" style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}>
            {props.row(c)}
          </div>
        ) : null
      })}
    </div>
  )
}
