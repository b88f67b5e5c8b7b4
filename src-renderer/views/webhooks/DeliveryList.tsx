import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { DeliverySummary } from '../../../src-preload/contract'
import { ListboxRows, listboxTarget } from '../../components/ListboxRows'
import { DeliveryRow, deliveryDomId } from './DeliveryRow'

/** Below this many rows every row is rendered; above it only the visible ones are. */
export const VIRTUALIZE_FROM = 60
const ROW_HEIGHT = 30

type Props = {
  items: DeliverySummary[]
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
    const to = listboxTarget(e, index, items.length)
    if (to !== null) props.onSelect(items[to]!.id)
  }

  return (
    <div className="wh-table">
      <div className="wh-row wh-row--head" aria-hidden="true">
        <span>Time</span>
        <span>What</span>
        <span>Channel</span>
        <span>Who</span>
        <span>Outcome</span>
        <span>Answer</span>
        <span>Took</span>
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
        <ListboxRows
          items={items}
          index={index}
          scrollBox={scrollBox}
          rowHeight={ROW_HEIGHT}
          virtualizeFrom={VIRTUALIZE_FROM}
          overscan={10}
          getKey={(d) => d.id}
          domId={(d) => deliveryDomId(d.id)}
          renderRow={(d) => <DeliveryRow delivery={d} selected={d.id === props.selectedId} onSelect={props.onSelect} />}
          spaceClassName="wh-virtual-space"
          rowClassName="wh-virtual-row"
        />
      </div>
    </div>
  )
}
