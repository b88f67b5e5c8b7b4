import { Loader } from 'lucide-react'
import { useState } from 'react'
import type { FormEvent, KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Agent } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'
import { checkPhoneInput } from '../../lib/phone-input'
import { notSent } from '../../lib/words'
import { useAppStore } from '../../store/store-context'
import { PhoneField } from './PhoneField'
import { ErrorNotice } from '../ErrorNotice'

/** `from` is "agent:ID" or "number:ID" (empty: the first number, until the person picks). */
export type NewMessageFields = { from: string; to: string; body: string }
export const EMPTY_NEW_MESSAGE: NewMessageFields = { from: '', to: '', body: '' }

function defaultFrom(agents: Agent[]): string {
  const n = agents.flatMap((a) => a.numbers ?? [])[0]
  return n ? `number:${n.id}` : ''
}

export function NewMessageForm(props: { fields: NewMessageFields; onChange: (f: NewMessageFields) => void; onSent: () => void }) {
  const { agents, loadError, startConversation } = useAppStore(
    useShallow((s) => ({ agents: s.pickerAgents, loadError: s.pickerError, startConversation: s.startConversation }))
  )
  const [insist, setInsist] = useState(false)
  const [sending, setSending] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const f = props.fields
  const set = (patch: Partial<NewMessageFields>): void => props.onChange({ ...f, ...patch })
  const from = f.from || defaultFrom(agents ?? [])
  const check = checkPhoneInput(f.to)

  const submit = async (e?: FormEvent): Promise<void> => {
    e?.preventDefault()
    if (sending) return
    setInsist(true)
    setRefusal(null)
    const [kind, id] = from.split(':')
    if (!id) return setRefusal('Choose the agent or number to send from.')
    if (check.kind !== 'ok') return setRefusal(check.kind === 'empty' ? 'Type the number to text.' : `That number cannot be texted: ${check.message}`)
    if (!f.body.trim()) return setRefusal('The message is empty.')
    setSending(true)
    const error = await startConversation({ toNumber: check.e164, body: f.body.trim(), ...(kind === 'agent' ? { agentId: id } : { numberId: id }) })
    setSending(false)
    if (error) setRefusal(notSent(error.message, error.status))
    else props.onSent()
  }
  const onBodyKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void submit()
    }
  }

  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)} aria-busy={sending}>
      <div className="field">
        <label className="label" htmlFor="new-from">From</label>
        <select id="new-from" className="input" value={from} onChange={(e) => set({ from: e.target.value })} disabled={!agents}>
          {!agents ? <option value="">{loadError ?? 'Loading agents and numbers…'}</option> : null}
          {agents && agents.length > 0 ? (
            <>
              <optgroup label="Numbers">
                {agents.flatMap((a) =>
                  (a.numbers ?? []).map((n) => (
                    <option key={n.id} value={`number:${n.id}`}>{`${formatPhone(n.phoneNumber)} · ${a.name}`}</option>
                  ))
                )}
              </optgroup>
              <optgroup label="Agents (their first number)">
                {agents.map((a) => (
                  <option key={a.id} value={`agent:${a.id}`} disabled={(a.numbers ?? []).length === 0}>
                    {(a.numbers ?? []).length ? a.name : `${a.name} — no phone number`}
                  </option>
                ))}
              </optgroup>
            </>
          ) : null}
        </select>
      </div>
      <PhoneField id="new-to" label="To" value={f.to} check={check} insist={insist} onChange={(to) => set({ to })} onBlur={() => setInsist(f.to.trim() !== '')} autoFocus />
      <div className="field">
        <label className="label" htmlFor="new-body">Message</label>
        <textarea id="new-body" className="input textarea" rows={4} maxLength={1600} value={f.body} onChange={(e) => set({ body: e.target.value })} onKeyDown={onBodyKey} />
        <p className="muted small mono">{f.body.length} / 1600</p>
      </div>
      <ErrorNotice>{refusal}</ErrorNotice>
      <div className="dialog-actions">
        <span className="muted small">{sending ? 'Sending…' : <><kbd>Ctrl</kbd>+<kbd>Enter</kbd> sends</>}</span>
        <span className="header-spacer" />
        <button type="submit" className="button button--primary" disabled={sending}>
          {sending ? <Loader size={14} aria-hidden="true" /> : null} Send message
        </button>
      </div>
    </form>
  )
}
