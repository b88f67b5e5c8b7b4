const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const

const SPOKEN: Record<string, string> = { '*': 'star', '#': 'hash' }

/**
 * A 12-key phone pad. Each button's accessible name is `${namePrefix} ${key}` (e.g. "Press 5",
 * "Press star") so two pads on screen at once stay distinguishable to people and to tests.
 */
export function Keypad(props: { label: string; namePrefix: string; disabled?: boolean; onKey: (key: string) => void }) {
  return (
    <div role="group" aria-label={props.label} className="keypad">
      {KEYS.map((k) => (
        <button
          key={k}
          type="button"
          className="keypad-key mono"
          aria-label={`${props.namePrefix} ${SPOKEN[k] ?? k}`}
          disabled={props.disabled}
          onClick={() => props.onKey(k)}
        >
          {k}
        </button>
      ))}
    </div>
  )
}
