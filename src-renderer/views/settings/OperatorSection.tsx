import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'

const ROLE_WORD = { operator: 'an operator', admin: 'an admin', owner: 'the owner' } as const

/**
 * Who this window answers turns as. On a hub the name and role come with the person's link (a
 * teammate cannot claim a turn under someone else's name); the desktop window's own person may
 * name themselves, shown in this window only.
 */
export function OperatorSection() {
  const { me, operator, setOperator } = useAppStore(useShallow((s) => ({ me: s.me, operator: s.operator, setOperator: s.setOperator })))
  const [name, setName] = useState(operator)
  const trimmed = name.trim()
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
      <p className="small muted">Shown in this window; on a shared hub each person’s name comes with their link.</p>
    </form>
  )
}
