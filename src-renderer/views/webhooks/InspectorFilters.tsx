import { X } from 'lucide-react'
import { useMemo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { hasFilter, type DeliveryOutcome } from '../../store/delivery-filter'
import { useAppStore } from '../../store/store-context'

const KNOWN_EVENTS = ['agent.message', 'agent.call_ended', 'agent.reaction', 'agent.contact_shared']
const KNOWN_CHANNELS = ['voice', 'sms']

/** Known values plus whatever the receiver has actually seen, so a new event type is still filterable. */
function options(known: string[], seen: Array<string | null>): string[] {
  return [...new Set([...known, ...seen.filter((v): v is string => Boolean(v))])].sort()
}

/** Event, channel, outcome, call and free text: each one a `webhooks.deliveries` parameter. */
export function InspectorFilters() {
  const { filter, setFilter, deliveries } = useAppStore(
    useShallow((s) => ({ filter: s.deliveryFilter, setFilter: s.setDeliveryFilter, deliveries: s.deliveries }))
  )
  const events = useMemo(() => options(KNOWN_EVENTS, deliveries.map((d) => d.event)), [deliveries])
  const channels = useMemo(() => options(KNOWN_CHANNELS, deliveries.map((d) => d.channel)), [deliveries])
  return (
    <div className="wh-filters" role="search" aria-label="Filter deliveries">
      <FilterSelect label="Event" anyLabel="Any event" value={filter.event} values={events} onChange={(event) => setFilter({ event })} />
      <FilterSelect label="Channel" anyLabel="Any channel" value={filter.channel} values={channels} onChange={(channel) => setFilter({ channel })} />
      <label className="wh-field">
        <span>Outcome</span>
        <select value={filter.outcome ?? ''} onChange={(e) => setFilter({ outcome: (e.target.value || undefined) as DeliveryOutcome | undefined })}>
          <option value="">Any outcome</option>
          <option value="accepted">Verified</option>
          <option value="refused">Refused</option>
          <option value="duplicate">Duplicate</option>
        </select>
      </label>
      <label className="wh-field">
        <span>Call</span>
        <input className="mono" value={filter.callId ?? ''} placeholder="call_…" spellCheck={false} onChange={(e) => setFilter({ callId: e.target.value })} />
      </label>
      <label className="wh-field wh-field--grow">
        <span>Search</span>
        <input type="search" value={filter.text ?? ''} placeholder="body, reason or webhook id" onChange={(e) => setFilter({ text: e.target.value })} />
      </label>
      {hasFilter(filter) ? (
        <button
          type="button"
          className="button button--quiet"
          onClick={() => setFilter({ event: undefined, channel: undefined, outcome: undefined, callId: undefined, text: undefined })}
        >
          <X size={13} aria-hidden="true" /> Clear filters
        </button>
      ) : null}
    </div>
  )
}

/** One "any or this value" filter over the values seen so far. */
function FilterSelect(props: { label: string; anyLabel: string; value: string | undefined; values: string[]; onChange: (value: string) => void }) {
  return (
    <label className="wh-field">
      <span>{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.anyLabel}</option>
        {props.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  )
}
