import { LoaderCircle } from 'lucide-react'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { ActionError } from '../../store/directory-slice'
import { useAppStore } from '../../store/store-context'
import { ActionErrorNote } from '../directory/ActionErrorNote'
import { DialogFrame } from '../../components/dialogs/DialogFrame'

type Country = 'US' | 'CA'

/** Buys a number (a paid action): country, an optional area code, and an agent to attach it to. */
export function BuyNumberDialog({ onClose }: { onClose: () => void }) {
  const { agents, buyNumber } = useAppStore(useShallow((s) => ({ agents: s.agents.items, buyNumber: s.buyNumber })))
  const [country, setCountry] = useState<Country>('US')
  const [areaCode, setAreaCode] = useState('')
  const [agentId, setAgentId] = useState('')
  const [areaError, setAreaError] = useState<string | null>(null)
  const [apiError, setApiError] = useState<ActionError>(null)
  const [busy, setBusy] = useState(false)
  const id = useId()

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const area = areaCode.trim()
    if (area && !/^\d{3}$/.test(area)) {
      setAreaError('An area code is exactly 3 digits, e.g. 415 — or leave it empty for any.')
      document.getElementById(`${id}-area`)?.focus()
      return
    }
    setBusy(true)
    setApiError(null)
    const err = await buyNumber({ country, ...(area ? { areaCode: area } : {}), ...(agentId ? { agentId } : {}) })
    setBusy(false)
    if (err) setApiError(err)
    else onClose()
  }

  return (
    <DialogFrame
      open
      title="Buy a number"
      busy={busy}
      description="A number costs $3.00 a month on a live account; in the sandbox it is free."
      onOpenChange={(o) => (o ? undefined : onClose())}
    >
      <form className="dir-form" noValidate aria-label="Buy a number" onSubmit={(e) => void submit(e)}>
        <fieldset className="dir-fields" disabled={busy}>
          <div className="dir-field-row">
            <div className="dir-field">
              <label className="label" htmlFor={`${id}-country`}>
                Country
              </label>
              <select id={`${id}-country`} className="input" value={country} onChange={(e) => setCountry(e.target.value as Country)}>
                <option value="US">United States (+1)</option>
                <option value="CA">Canada (+1)</option>
              </select>
            </div>
            <div className="dir-field">
              <label className="label" htmlFor={`${id}-area`}>
                Area code
              </label>
              <input
                id={`${id}-area`}
                className="input mono"
                inputMode="numeric"
                maxLength={3}
                placeholder="any"
                value={areaCode}
                aria-invalid={areaError ? true : undefined}
                aria-describedby={`${id}-area-msg`}
                onChange={(e) => {
                  setAreaCode(e.target.value)
                  setAreaError(null)
                }}
              />
              <p id={`${id}-area-msg`} className={areaError ? 'dir-field-error' : 'dir-field-hint'}>
                {areaError ?? 'Optional, 3 digits.'}
              </p>
            </div>
          </div>
          <div className="dir-field">
            <label className="label" htmlFor={`${id}-agent`}>
              Attach to agent
            </label>
            <select id={`${id}-agent`} className="input" value={agentId} onChange={(e) => setAgentId(e.target.value)}>
              <option value="">No agent (attach later)</option>
              {(agents ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <ActionErrorNote error={apiError} />
        <div className="dir-dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <LoaderCircle size={14} className="dir-spin" aria-hidden="true" /> : null}
            {busy ? 'Buying…' : 'Buy number'}
          </button>
        </div>
      </form>
    </DialogFrame>
  )
}
