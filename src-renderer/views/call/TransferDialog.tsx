import { LoaderCircle, PhoneForwarded } from 'lucide-react'
import { useState } from 'react'
import type { CallInfo } from '../../../src-preload/contract'
import { DialogFrame } from '../../components/dialogs/DialogFrame'
import { PhoneField } from '../../components/dialogs/PhoneField'
import { ErrorNotice } from '../../components/ErrorNotice'
import { partyPhrase } from '../../lib/call-labels'
import { formatPhone } from '../../lib/format'
import { checkPhoneInput } from '../../lib/phone-input'

type Props = {
  call: CallInfo
  sandbox: boolean
  /** The agent's own transfer number (E.164), or null when it has none. */
  preset: string | null
  /** Transfers to `to` (null: the preset); true when the core took it. */
  onTransfer: (to: string | null) => Promise<boolean>
  onClose: () => void
}

/**
 * Where to transfer, then a yes: the agent's own transfer number is the default, any other number
 * can be typed (checked as it is typed, E.164 through libphonenumber). AgentPhone transfers to the
 * agent's transfer number, so another number becomes the agent's until the call ends (the core
 * then puts the agent's own back); the dialog says so.
 */
export function TransferDialog({ call, sandbox, preset, onTransfer, onClose }: Props) {
  const [choice, setChoice] = useState<'preset' | 'other'>(preset ? 'preset' : 'other')
  const [typed, setTyped] = useState('')
  const [insist, setInsist] = useState(false)
  const [busy, setBusy] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const check = checkPhoneInput(typed)
  const target = choice === 'preset' ? preset : check.kind === 'ok' ? check.e164 : null
  const agent = call.agentName ?? 'this agent'

  const submit = async (): Promise<void> => {
    setInsist(true)
    if (!target || busy) return setRefusal(check.kind === 'error' ? `That number cannot be used: ${check.message}` : 'Type the number to transfer to.')
    setBusy(true)
    setRefusal(null)
    const done = await onTransfer(choice === 'preset' ? null : target)
    setBusy(false)
    // A refusal ("too late", "someone else is answering") is said in the reply area; the dialog goes.
    if (done) onClose()
    else setRefusal('The transfer did not go out: see the note under the reply box.')
  }

  return (
    <DialogFrame
      open
      role="alertdialog"
      title="Transfer this call?"
      busy={busy}
      onOpenChange={(o) => (o ? undefined : onClose())}
      description={`${partyPhrase(call, sandbox)} is put through to the number below and the call leaves Switchboard. This cannot be undone.`}
    >
      <form
        className="dialog-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <fieldset className="transfer-choice">
          <legend className="label">Transfer to</legend>
          {preset ? (
            <label className="check">
              <input type="radio" name="transfer-to" checked={choice === 'preset'} onChange={() => setChoice('preset')} />
              {agent}’s transfer number <span className="mono">{formatPhone(preset)}</span>
            </label>
          ) : (
            <p className="muted small">{agent} has no transfer number yet: type one.</p>
          )}
          <label className="check">
            <input type="radio" name="transfer-to" checked={choice === 'other'} onChange={() => setChoice('other')} />
            Another number
          </label>
        </fieldset>
        {choice === 'other' ? (
          <>
            <PhoneField id="transfer-number" label="Number to transfer to" value={typed} check={check} insist={insist} onChange={setTyped} autoFocus />
            <p className="muted small">AgentPhone transfers to the agent’s transfer number, so this number becomes {agent}’s transfer number for this transfer; {agent}’s own comes back when the call has ended.</p>
          </>
        ) : null}
        <ErrorNotice>{refusal}</ErrorNotice>
        <div className="dir-dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy} autoFocus={choice === 'preset'}>
            Cancel
          </button>
          <button type="submit" className="button button--danger-solid" disabled={busy}>
            {busy ? <LoaderCircle size={14} className="dir-spin" aria-hidden="true" /> : <PhoneForwarded size={14} aria-hidden="true" />}
            {busy ? 'Transferring…' : target ? `Transfer to ${formatPhone(target)}` : 'Transfer'}
          </button>
        </div>
      </form>
    </DialogFrame>
  )
}
