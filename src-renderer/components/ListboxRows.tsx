import { useVirtualizer } from '@tanstack/react-virtual'
import { Fragment, useCallback, useEffect, useRef } from 'react'
import type { KeyboardEvent, ReactNode } from 'react'

/** Where a navigation key moves the highlight of a one-tab-stop listbox, or null for other keys. */
export function listboxTarget(e: KeyboardEvent, index: number, length: number): number | null {
  const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }
  let to: number | null = null
  if (e.key in step) to = Math.max(index, -1) + (step[e.key] ?? 0)
  else if (e.key === 'Home') to = 0
  else if (e.key === 'End') to = length - 1
  if (to === null || length === 0) return null
  e.preventDefault()
  return Math.min(length - 1, Math.max(0, to))
}

export interface ListboxRowsProps<T> {
  items: readonly T[]
  /** The highlighted row (-1: none); kept in view as it moves. */
  index: number
  /** The listbox's scroll container, held in state so the virtualizer sees it once attached. */
  scrollBox: HTMLDivElement | null
  rowHeight: number
  /** Below this many rows every row is rendered; from it on only the visible ones are. */
  virtualizeFrom: number
  overscan?: number
  getKey: (item: T) => string
  domId: (item: T) => string
  renderRow: (item: T) => ReactNode
  spaceClassName?: string
  rowClassName?: string
  /**
   * Told the index of the last row rendered whenever it changes (virtual lists only): a list that
   * pages as it scrolls asks for more from here, without reading the layout on every scroll event.
   */
  onLastRendered?: (index: number) => void
}

/** The rows of a listbox: all of them when few, a virtual window when many. */
export function ListboxRows<T>(props: ListboxRowsProps<T>) {
  return props.items.length >= props.virtualizeFrom ? <VirtualRows {...props} /> : <PlainRows {...props} />
}

function PlainRows<T>({ items, index, domId, getKey, renderRow }: ListboxRowsProps<T>) {
  const highlighted = items[index]
  const id = highlighted ? domId(highlighted) : null
  useEffect(() => {
    if (id) document.getElementById(id)?.scrollIntoView({ block: 'nearest' })
  }, [id])
  return items.map((item) => <Fragment key={getKey(item)}>{renderRow(item)}</Fragment>)
}

function VirtualRows<T>(props: ListboxRowsProps<T>) {
  const { items, index, scrollBox, rowHeight } = props
  // The virtualizer rebuilds every row's measurement when these functions change: kept stable (per
  // list) so a scroll through thousands of rows does not redo them all on every frame.
  const getKey = useRef(props.getKey)
  getKey.current = props.getKey
  const getItemKey = useCallback((i: number) => (items[i] ? getKey.current(items[i]) : i), [items])
  const estimateSize = useCallback(() => rowHeight, [rowHeight])
  const getScrollElement = useCallback(() => scrollBox, [scrollBox])
  const v = useVirtualizer({
    count: items.length,
    getScrollElement,
    estimateSize,
    overscan: props.overscan ?? 8,
    getItemKey
  })
  const rendered = v.getVirtualItems()
  const last = rendered.length ? rendered[rendered.length - 1]!.index : -1
  const onLast = props.onLastRendered
  useEffect(() => {
    if (last >= 0) onLast?.(last)
  }, [last, onLast])
  // Rows have a fixed height, so keeping the highlight in view is plain arithmetic; it is also
  // immune to the virtualizer's asynchronous scroll reconciling when keys repeat quickly.
  useEffect(() => {
    if (!scrollBox || index < 0) return
    const top = index * rowHeight
    if (top < scrollBox.scrollTop) scrollBox.scrollTop = top
    else if (top + rowHeight > scrollBox.scrollTop + scrollBox.clientHeight) scrollBox.scrollTop = top + rowHeight - scrollBox.clientHeight
  }, [scrollBox, index, rowHeight])
  return (
    <div className={props.spaceClassName ?? 'virtual-space'} style={{ height: v.getTotalSize() }}>
      {rendered.map((row) => {
        const item = items[row.index]
        return item ? (
          <div key={row.key} className={props.rowClassName ?? 'virtual-row'} style={{ transform: `translateY(${row.start}px)`, height: rowHeight }}>
            {props.renderRow(item)}
          </div>
        ) : null
      })}
    </div>
  )
}
