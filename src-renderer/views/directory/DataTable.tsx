import { useVirtualizer } from '@tanstack/react-virtual'
import { useState } from 'react'
import type { CSSProperties, ReactNode } from 'react'

export type Column<T> = {
  header: string
  /** A grid track, e.g. `minmax(120px, 1fr)` or `96px`. */
  width: string
  render: (row: T) => ReactNode
  className?: string
}

type Props<T> = {
  label: string
  className?: string
  rows: readonly T[]
  columns: ReadonlyArray<Column<T>>
  rowKey: (row: T) => string
}

/** Below this many rows all are rendered; above it only the visible ones (accounts can be big). */
export const VIRTUALIZE_FROM = 60
const ROW_HEIGHT = 40

/**
 * A dense table built from ARIA table roles on a CSS grid, so the same markup can be virtualized:
 * aria-rowcount and aria-rowindex tell assistive technology where the rendered rows sit.
 */
export function DataTable<T>({ label, className, rows, columns, rowKey }: Props<T>) {
  const [box, setBox] = useState<HTMLDivElement | null>(null)
  const grid = { '--dir-cols': columns.map((c) => c.width).join(' ') } as CSSProperties
  const virtual = rows.length >= VIRTUALIZE_FROM
  return (
    <div className={`dir-table ${className ?? ''}`} role="table" aria-label={label} aria-rowcount={rows.length + 1} style={grid}>
      <div role="rowgroup" className="dir-table-head">
        <div role="row" aria-rowindex={1} className="dir-row dir-row--head">
          {columns.map((c) => (
            <span role="columnheader" key={c.header} className="dir-cell">
              {c.header}
            </span>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="dir-table-body" ref={setBox}>
        {virtual ? (
          <VirtualRows rows={rows} columns={columns} rowKey={rowKey} box={box} />
        ) : (
          rows.map((r, i) => <Row key={rowKey(r)} row={r} index={i} columns={columns} />)
        )}
      </div>
    </div>
  )
}

function Row<T>({ row, index, columns, style }: { row: T; index: number; columns: ReadonlyArray<Column<T>>; style?: CSSProperties }) {
  return (
    <div role="row" aria-rowindex={index + 2} className="dir-row" style={style}>
      {columns.map((c) => (
        <span role="cell" key={c.header} className={`dir-cell ${c.className ?? ''}`}>
          {c.render(row)}
        </span>
      ))}
    </div>
  )
}

function VirtualRows<T>({ rows, columns, rowKey, box }: Omit<Props<T>, 'label' | 'className'> & { box: HTMLDivElement | null }) {
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => box,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    getItemKey: (i) => {
      const r = rows[i]
      return r ? rowKey(r) : i
    }
  })
  return (
    <div className="virtual-space" style={{ height: v.getTotalSize() }}>
      {v.getVirtualItems().map((item) => {
        const r = rows[item.index]
        if (!r) return null
        return <Row key={item.key} row={r} index={item.index} columns={columns} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${item.start}px)` }} />
      })}
    </div>
  )
}
