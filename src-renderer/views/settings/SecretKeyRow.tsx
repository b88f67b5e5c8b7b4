import { KeyRound } from 'lucide-react'
import type { ReactNode } from 'react'

/**
 * A write-only key: whether one is stored (the key itself never comes back over the bridge), a
 * password box for a new one, and the field's buttons beside it.
 */
export function SecretKeyRow(props: {
  id: string
  hasKey: boolean
  /** Where the key is kept, said after "A key is stored". */
  note: string
  value: string
  onValue: (v: string) => void
  placeholder: string
  onEnter?: () => void
  children: ReactNode
}) {
  return (
    <>
      <p className="st-key-state small" aria-live="polite">
        <KeyRound size={13} aria-hidden="true" />
        {props.hasKey ? 'A key is stored' : 'No key is stored'}
        <span className="muted"> — {props.note}</span>
      </p>
      <div className="st-inline">
        <input
          id={props.id}
          type="password"
          className="mono st-grow"
          autoComplete="off"
          spellCheck={false}
          value={props.value}
          placeholder={props.placeholder}
          onChange={(e) => props.onValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') props.onEnter?.()
          }}
        />
        {props.children}
      </div>
    </>
  )
}
