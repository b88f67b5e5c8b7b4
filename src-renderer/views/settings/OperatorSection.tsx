import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'

/**
 * The name this window answers turns under. On a shared hub (several browsers on one headless
 * shell) it is what teammates see on a turn being answered, and what keeps two people from both
 * answering one caller. Kept in this browser only.
 */
export function OperatorSection() {
  const { operator, setOperator } = useAppStore(useShallow((s) => ({ operator: s.operator, setOperator: s.setOperator })))
  const [name, setName] = useState(operator)
  const trimmed = name.trim()
  return (
    <form
      className="st-body inline"
      onSubmit={(e) => {
        e.preventDefault()
        setOperator(trimmed)
      }}
    >
      <label className="label" htmlFor="st-operator">
        Your name
      </label>
      <input id="st-operator" className="input" maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button" disabled={!trimmed || trimmed === operator}>
        Save name
      </button>
      <p className="small muted">Shown to teammates on a shared hub when you start answering a turn.</p>
    </form>
  )
}
