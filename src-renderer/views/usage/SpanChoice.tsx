/** A row of radio buttons choosing how much a chart covers (7/30/90 days, week/month/year). */
export function SpanChoice<T extends string | number>(props: { label: string; name: string; options: readonly T[]; value: T; word: (option: T) => string; onChange: (option: T) => void }) {
  return (
    <div className="usage-span" role="radiogroup" aria-label={props.label}>
      {props.options.map((o) => (
        <label key={o} className="usage-span-option">
          <input type="radio" name={props.name} value={o} checked={props.value === o} onChange={() => props.onChange(o)} />
          <span>{props.word(o)}</span>
        </label>
      ))}
    </div>
  )
}
