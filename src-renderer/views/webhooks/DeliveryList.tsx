import { useEffect, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Delivery } from '../../../src-preload/contract'
import { DeliveryRow, deliveryDomId } from './DeliveryRow'

/** Below this many rows every row is rendered; above it only the visible ones are. */
export const VIRTUALIZE_FROM = 60
const ROW_HEIGHT = 30

type Props = {
  items: Delivery[]
  selectedId: string | null
  onSelect: (id: string) => void
}

/**
 * Every request the receiver saw, newest first: a listbox with one tab stop whose arrow keys move
 * the selection, and the detail pane follows the selection.
 */
export function DeliveryList(props: Props) {
  const { items } = props
  // Kept in state, not a ref: the virtualizer must see the element once it is attached.
  const [scrollBox, setScrollBox] = useState<HTMLDivElement | null>(null)
  const index = items.findIndex((d) => d.id === props.selectedId)
  const selected = index >= 0 ? items[index] : undefined

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }
    let to: number | null = null
    if (e.key in step) to = (index < 0 ? -1 : index) + (step[e.key] ?? 0)
    else if (e.key === 'Home') to = 0
    else if (e.key === 'End') to = items.length - 1
    if (to === null) return
    const d = items[Math.min(items.length - 1, Math.max(0, to))]
    if (d) props.onSelect(d.id)
    e.preventDefault()
  }

  return (
    <div className="wh-table">
      <div className="wh-row wh-row--head" aria-hidden="true">
        <span>Time</span>
        <span>Event</span>
        <span>Channel</span>
        <span>Call / conversation</span>
        <span>Outcome</span>
        <span>Status</span>
        <span>TTFB</span>
      </div>
      <div
        ref={setScrollBox}
        role="listbox"
        aria-label="Deliveries"
        tabIndex={0}
        aria-activedescendant={selected ? deliveryDomId(selected.id) : undefined}
        className="wh-rows"
        onKeyDown={onKeyDown}
      >
        {items.length >= VIRTUALIZE_FROM ? (
          <VirtualRows {...props} index={index} scrollBox={scrollBox} />
        ) : (
          items.map((d) => <DeliveryRow key={d.id} delivery={d} selected={d.id === props.selectedId} onSelect={props.onSelect} />)
        )}
      </div>
    </div>
  )
}

function VirtualRows(props: Props & { index: number; scrollBox: HTMLDivElement | null }) {
  const v = useVirtualizer({
    count: props.items.length,
    getScrollElement: () => props.scrollBox,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => props.items[i]?.id ?? i
  })
  // Fixed-height rows: keeping the selection in view is arithmetic, not a measurement.
  const box = props.scrollBox
  useEffect(() => {
    if (!box || props.index < 0) return
    const top = props.index * ROW_HEIGHT
    if (top < box.scrollTop) box.scrollTop = top
    else if (top + ROW_HEIGHT > box.scrollTop + box.clientHeight) box.scrollTop = top + ROW_HEIGHT - box.clientHeight
  }, [box, props.index])
  return (
    <div className="wh-virtual-space" style={{ height: v.getTotalSize() }}>
      {v.getVirtualItems().map((item) => {
        const d = props.items[item.index]
        if (!d) return null
        return (
          <div key={item.key} className="wh-virtual-row" style={{ transform: `translateY(${item.start}px)` }}>
            <DeliveryRow delivery={d} selected={d.id === props.selectedId} onSelect={props.onSelect} />
          </div>
        )
      })}
    </div>
  )
}
