import { X } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { HistoryFilter } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'
import { hasFilter } from '../../store/call-history-slice'
import { useAppStore } from '../../store/store-context'

const STATUSES: Array<[NonNullable<HistoryFilter['status']>, string]> = [
  ['completed', 'Completed'],
  ['failed', 'Failed'],
  ['busy', 'Busy'],
  ['no-answer', 'No answer'],
  ['in-progress', 'Live'],
  ['ringing', 'Ringing']
]

/** A date field's day as the start of that day (from) or of the next one (to), in local time. */
function dayBound(value: string, end: boolean): string | undefined {
  if (!value) return undefined
  const d = new Date(`${value}T00:00:00`)
  if (Number.isNaN(d.getTime())) return undefined
  if (end) d.setDate(d.getDate() + 1)
  return d.toISOString()
}

const dayOf = (iso: string | undefined, end: boolean): string => {
  if (!iso) return ''
  const d = new Date(iso)
  if (end) d.setDate(d.getDate() - 1)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** History's filters: each applies as it changes (the words after a short pause). */
export function HistoryFilters() {
  const s = useAppStore(
    useShallow((st) => ({
      filter: st.callHistory.filter,
      setFilter: st.setHistoryFilter,
      agents: st.agents.items,
      numbers: st.numbers.items,
      loadAgents: st.loadAgents,
      loadNumbers: st.loadNumbers
    }))
  )
  const { filter, setFilter, agents, numbers, loadAgents, loadNumbers } = s
  const [query, setQuery] = useState(filter.query ?? '')
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  useEffect(() => {
    if (agents === null) void loadAgents()
    if (numbers === null) void loadNumbers()
  }, [agents, numbers, loadAgents, loadNumbers])
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), [])

  const apply = (patch: Partial<HistoryFilter>): void => {
    const next: HistoryFilter = { ...filter, ...patch }
    for (const key of Object.keys(next) as Array<keyof HistoryFilter>) if (next[key] === undefined || next[key] === '') delete next[key]
    void setFilter(next)
  }
  const onQuery = (value: string): void => {
    setQuery(value)
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => apply({ query: value.trim() || undefined }), 300)
  }

  return (
    <form className="history-filters" aria-label="Filter calls" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>Number, agent, tag or note</span>
        <input type="text" value={query} onChange={(e) => onQuery(e.currentTarget.value)} />
      </label>
      <label>
        <span>Status</span>
        <select value={filter.status ?? ''} onChange={(e) => apply({ status: (e.currentTarget.value || undefined) as HistoryFilter['status'] })}>
          <option value="">Any</option>
          {STATUSES.map(([value, word]) => (
            <option key={value} value={value}>
              {word}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Direction</span>
        <select value={filter.direction ?? ''} onChange={(e) => apply({ direction: (e.currentTarget.value || undefined) as HistoryFilter['direction'] })}>
          <option value="">Any</option>
          <option value="inbound">Inbound</option>
          <option value="outbound">Outbound</option>
          <option value="web">Web</option>
        </select>
      </label>
      <label>
        <span>Agent</span>
        <select value={filter.agentId ?? ''} onChange={(e) => apply({ agentId: e.currentTarget.value || undefined, numberId: undefined })}>
          <option value="">Any</option>
          {(agents ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>Number</span>
        <select value={filter.numberId ?? ''} onChange={(e) => apply({ numberId: e.currentTarget.value || undefined, agentId: undefined })}>
          <option value="">Any</option>
          {(numbers ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {formatPhone(n.phoneNumber)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>From</span>
        <input type="date" value={dayOf(filter.from, false)} onChange={(e) => apply({ from: dayBound(e.currentTarget.value, false) })} />
      </label>
      <label>
        <span>To</span>
        <input type="date" value={dayOf(filter.to, true)} onChange={(e) => apply({ to: dayBound(e.currentTarget.value, true) })} />
      </label>
      {hasFilter(filter) ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setQuery('')
            void setFilter({})
          }}
        >
          <X size={13} aria-hidden="true" /> Clear filters
        </button>
      ) : null}
    </form>
  )
}
