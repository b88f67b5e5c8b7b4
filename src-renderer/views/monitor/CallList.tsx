import { useEffect, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { CallInfo } from '../../../src-preload/contract'
import { CallRow, rowDomId } from './CallRow'

/** Below this many rows every row is rendered; above it only the visible ones are. */
export const VIRTUALIZE_FROM = 60
const ROW_HEIGHT = 44

type Props = {
  calls: CallInfo[]
  selectedCallId: string | null
  onSelect: (id: string) => void
  onOpen: (id: string) => void
}

/**
 * A listbox of calls with one tab stop: arrow keys move the selection (aria-activedescendant),
 * Enter opens the selected call.
 */
export function CallList(props: Props) {
  const { calls } = props
  // The scroll box is kept in state, not a ref: a child's layout effect runs before the parent's
  // ref is attached, so the virtualizer would otherwise measure nothing and render no rows.
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null)
  const index = Math.max(0, calls.findIndex((c) => c.id === props.selectedCallId))
  const selected = calls[index]

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const move = (to: number): void => {
      const c = calls[Math.min(calls.length - 1, Math.max(0, to))]
      if (c) props.onSelect(c.id)
      e.preventDefault()
    }
    if (e.key === 'ArrowDown') move(index + 1)
    else if (e.key === 'ArrowUp') move(index - 1)
    else if (e.key === 'Home') move(0)
    else if (e.key === 'End') move(calls.length - 1)
    else if (e.key === 'PageDown') move(index + 10)
    else if (e.key === 'PageUp') move(index - 10)
    else if (e.key === 'Enter' && selected) {
      e.preventDefault()
      props.onOpen(selected.id)
    }
  }

  return (
    <div className="call-table">
      <div className="call-head" aria-hidden="true">
        <div className="row row--head">
          <span className="cell">Dir.</span>
          <span className="cell">Caller</span>
          <span className="cell">Agent</span>
          <span className="cell">State</span>
          <span className="cell">Time</span>
          <span className="cell">Deadline</span>
          <span className="cell">Last words</span>
        </div>
      </div>
      <div
        ref={setScrollBox}
        role="listbox"
        aria-label="Live calls"
        tabIndex={0}
        aria-activedescendant={selected ? rowDomId(selected.id) : undefined}
        className="call-rows"
        onKeyDown={onKeyDown}
      >
        {calls.length >= VIRTUALIZE_FROM ? (
          <VirtualRows {...props} index={index} scrollBox={scrollBox} />
        ) : (
          <PlainRows {...props} index={index} />
        )}
      </div>
    </div>
  )
}

function PlainRows(props: Props & { index: number }) {
  const selected = props.calls[props.index]
  useEffect(() => {
    if (selected) document.getElementById(rowDomId(selected.id))?.scrollIntoView({ block: 'nearest' })
  }, [selected])
  return props.calls.map((c) => (
    <CallRow key={c.id} call={c} selected={c.id === selected?.id} onOpen={props.onOpen} />
  ))
}

function VirtualRows(props: Props & { index: number; scrollBox: HTMLDivElement | null }) {
  const v = useVirtualizer({
    count: props.calls.length,
    getScrollElement: () => props.scrollBox,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (i) => props.calls[i]?.id ?? i
  })
  // Rows have a fixed height, so keeping the selection in view is plain arithmetic; it is also
  // immune to the virtualizer's asynchronous scroll reconciling when keys repeat quickly.
  const box = props.scrollBox
  useEffect(() => {
    if (!box) return
    const top = props.index * ROW_HEIGHT
    if (top < box.scrollTop) box.scrollTop = top
    else if (top + ROW_HEIGHT > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW_HEIGHT - box.clientHeight
  }, [box, props.index])
  const selectedId = props.calls[props.index]?.id
  return (
    <div className="virtual-space" style={{ height: v.getTotalSize() }}>
      {v.getVirtualItems().map((item) => {
        const c = props.calls[item.index]
        if (!c) return null
        return (
          <div key={item.key} className="virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
            <CallRow call={c} selected={c.id === selectedId} onOpen={props.onOpen} />
          </div>
        )
      })}
    </div>
  )
}
