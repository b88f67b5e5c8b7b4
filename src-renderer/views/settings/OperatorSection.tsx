import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useUnsaved } from '../../lib/leave-guard'
import { useAppStore } from '../../store/store-context'
import { Field, SaveResult } from './Field'

const ROLE_WORD = { operator: 'an operator', admin: 'an admin', owner: 'the owner' } as const

/**
 * Who this window answers turns as. On a hub the name and role come with the person's link (a
 * teammate cannot claim a turn under someone else's name); the desktop window's own person may
 * name themselves, shown in this window only.
 */
export function OperatorSection() {
  const { me, operator, setOperator } = useAppStore(useShallow((s) => ({ me: s.me, operator: s.operator, setOperator: s.setOperator })))
  const [name, setName] = useState(operator)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const trimmed = name.trim().slice(0, 100)
  // On a hub the name is not edited here, so nothing can be left unsaved.
  useUnsaved('operator', 'your name', !me?.hub && trimmed !== '' && trimmed !== operator)
  if (me?.hub) {
    return (
      <div className="st-body">
        <p>
          You are <span className="strong">{me.name}</span>, {ROLE_WORD[me.role]} of this hub.
        </p>
        <p className="small muted">
          Your name and role come with your personal link: teammates see this name when you answer a turn, and the
          activity trail records it. An admin can change them in Settings › Team.
        </p>
      </div>
    )
  }
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
      <p className="small muted">Shown in this window; on a shared hub each person’s name comes with their link.</p>
    </form>
  )
}
