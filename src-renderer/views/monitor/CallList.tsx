import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import type { CallInfo } from '../../../src-preload/contract'
import { ListboxRows, listboxTarget } from '../../components/ListboxRows'
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
    const to = listboxTarget(e, index, calls.length)
    if (to !== null) props.onSelect(calls[to]!.id)
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
          <span className="cell">Who</span>
          <span className="cell">Agent</span>
          <span className="cell">State</span>
          <span className="cell">Time</span>
          <span className="cell">Deadline</span>
          <span className="cell">Said last</span>
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
        <ListboxRows
          items={calls}
          index={index}
          scrollBox={scrollBox}
          rowHeight={ROW_HEIGHT}
          virtualizeFrom={VIRTUALIZE_FROM}
          getKey={(c) => c.id}
          domId={(c) => rowDomId(c.id)}
          renderRow={(c) => <CallRow call={c} selected={c.id === selected?.id} onOpen={props.onOpen} />}
        />
      </div>
    </div>
  )
}
