import { CircleAlert, CircleCheck, Headphones, Sparkles } from 'lucide-react'
import type { ReactNode } from 'react'
import { useAppStore } from '../../store/store-context'
import type { Voice } from '../../store/directory-slice'
import type { AgentForm, AgentFormErrors } from './agent-form'
import { checkTransfer, LIMITS } from './agent-form'

type Props = {
  idPrefix: string
  form: AgentForm
  errors: AgentFormErrors
  onChange: (patch: Partial<AgentForm>) => void
  disabled: boolean
}

export function voiceLabel(v: Voice): string {
  return [v.voice_name, v.provider, v.gender].filter(Boolean).join(' · ')
}

/** One labelled field with its hint or error wired to it (aria-describedby, aria-invalid). */
function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="dir-field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-msg`} className="dir-field-error">
          <CircleAlert size={13} aria-hidden="true" /> {error}
        </p>
      ) : hint ? (
        <p id={`${id}-msg`} className="dir-field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  )
}

export function AgentFields({ idPrefix, form, errors, onChange, disabled }: Props) {
  const voices = useAppStore((s) => s.voices)
  const id = (k: keyof AgentForm): string => `${idPrefix}-${k}`
  const aria = (k: keyof AgentForm, hasHint = false) => ({
    id: id(k),
    'aria-invalid': errors[k] ? true : undefined,
    'aria-describedby': errors[k] || hasHint ? `${id(k)}-msg` : undefined
  })
  const hosted = form.voiceMode === 'hosted'
  const transfer = checkTransfer(form.transferNumber)
  // The agent's current voice may be missing from the catalogue (retired, or custom): keep it offered.
  const known = voices?.some((v) => v.voice_id === form.voice) ?? false

  return (
    <fieldset className="dir-fields" disabled={disabled}>
      <Field id={id('name')} label="Name" error={errors.name}>
        <input {...aria('name')} autoFocus className="input" value={form.name} maxLength={LIMITS.name} autoComplete="off" onChange={(e) => onChange({ name: e.target.value })} />
      </Field>

      <fieldset className="dir-radio-group">
        <legend className="label">Who answers its calls</legend>
        <label className="dir-radio">
          <input type="radio" name={`${idPrefix}-mode`} value="webhook" checked={!hosted} onChange={() => onChange({ voiceMode: 'webhook' })} />
          <Headphones size={14} aria-hidden="true" />
          <span>
            <strong>You answer</strong> <span className="muted">— each caller turn waits for a person on the Monitor, or your own server</span>
          </span>
        </label>
        <label className="dir-radio">
          <input type="radio" name={`${idPrefix}-mode`} value="hosted" checked={hosted} onChange={() => onChange({ voiceMode: 'hosted' })} />
          <Sparkles size={14} aria-hidden="true" />
          <span>
            <strong>AI answers</strong> <span className="muted">— AgentPhone's AI answers by itself, following the instructions below</span>
          </span>
        </label>
      </fieldset>

      <Field
        id={id('systemPrompt')}
        label="Instructions for the AI"
        error={errors.systemPrompt}
        hint={hosted ? 'Required when the AI answers: who it is and what it should do.' : 'Used only when the AI answers.'}
      >
        <textarea {...aria('systemPrompt', true)} className="input dir-textarea" rows={5} value={form.systemPrompt} maxLength={LIMITS.systemPrompt} aria-required={hosted} onChange={(e) => onChange({ systemPrompt: e.target.value })} />
      </Field>

      <Field id={id('beginMessage')} label="First words" error={errors.beginMessage} hint="What the agent says first when a call connects.">
        <input {...aria('beginMessage', true)} className="input" value={form.beginMessage} maxLength={LIMITS.beginMessage} onChange={(e) => onChange({ beginMessage: e.target.value })} />
      </Field>

      <div className="dir-field-row">
        <Field id={id('voice')} label="Voice" hint={voices ? null : 'Loading the voice catalogue…'}>
          <select {...aria('voice', !voices)} className="input" value={form.voice} onChange={(e) => onChange({ voice: e.target.value })}>
            <option value="">Account default</option>
            {form.voice && !known ? <option value={form.voice}>{form.voice}</option> : null}
            {voices?.map((v) => (
              <option key={v.voice_id} value={v.voice_id}>
                {voiceLabel(v)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id={id('transferNumber')}
          label="Transfer number"
          error={errors.transferNumber}
          hint={transfer.state === 'ok' ? <TransferOk display={transfer.display} /> : transfer.state === 'bad' ? transfer.reason : 'Optional. US or Canadian; where Transfer sends a caller unless you type another number.'}
        >
          <input {...aria('transferNumber', true)} className="input mono" inputMode="tel" autoComplete="off" placeholder="+1 415 555 0100" value={form.transferNumber} onChange={(e) => onChange({ transferNumber: e.target.value })} />
        </Field>
      </div>
    </fieldset>
  )
}

function TransferOk({ display }: { display: string }) {
  return (
    <span className="dir-ok">
      <CircleCheck size={13} aria-hidden="true" /> Valid: <span className="mono">{display}</span>
    </span>
  )
}
