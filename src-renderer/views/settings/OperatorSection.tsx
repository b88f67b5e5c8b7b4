import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useUnsaved } from '../../lib/leave-guard'
import { useAppStore } from '../../store/store-context'
import { Field, SaveResult } from './Field'

/**
 * The name this window answers turns under. On a shared hub (several browsers on one headless
 * shell) it is what teammates see on a turn being answered, and what keeps two people from both
 * answering one caller. Kept in this browser only.
 */
export function OperatorSection() {
  const { operator, setOperator } = useAppStore(useShallow((s) => ({ operator: s.operator, setOperator: s.setOperator })))
  const [name, setName] = useState(operator)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const trimmed = name.trim().slice(0, 100)
  useUnsaved('operator', 'your name', trimmed !== '' && trimmed !== operator)
  return (
    <form
      className="st-body st-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        if (!trimmed) return setResult({ ok: false, text: 'Not saved: type a name.' })
        setOperator(trimmed)
        setName(trimmed)
        setResult({ ok: true, text: `Saved: teammates see you as ${trimmed}.` })
      }}
    >
      <Field
        label="Your name"
        maxLength={100}
        value={name}
        onValue={(v) => {
          setName(v)
          setResult(null)
        }}
      />
      <div className="st-actions">
        <button type="submit" className="button button--primary" disabled={!trimmed || trimmed === operator}>
          Save name
        </button>
        <SaveResult result={result} />
      </div>
    </form>
  )
}
