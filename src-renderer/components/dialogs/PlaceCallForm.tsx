import { Loader } from 'lucide-react'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Agent } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'
import { checkPhoneInput } from '../../lib/phone-input'
import { useAppStore } from '../../store/store-context'
import { PhoneField } from './PhoneField'
import { SandboxCalleeHint, sandboxRings } from './SandboxCalleeHint'
import { ErrorNotice } from '../ErrorNotice'

export type PlaceCallFields = { agentId: string; to: string; greeting: string; systemPrompt: string; voice: string }
export const EMPTY_PLACE_CALL: PlaceCallFields = { agentId: '', to: '', greeting: '', systemPrompt: '', voice: '' }

const hasNumber = (a: Agent): boolean => (a.numbers ?? []).length > 0

export function PlaceCallForm(props: {
  fields: PlaceCallFields
  onChange: (f: PlaceCallFields) => void
  onPlaced: () => void
  onRetryLoad: () => void
}) {
  const { agents, voices, loadError, placeCall, sandbox } = useAppStore(
    useShallow((s) => ({ agents: s.pickerAgents, voices: s.pickerVoices, loadError: s.pickerError, placeCall: s.placeCall, sandbox: s.status?.mode === 'sandbox' }))
  )
  const [insist, setInsist] = useState(false)
  const [placing, setPlacing] = useState(false)
  const [refusal, setRefusal] = useState<string | null>(null)
  const f = props.fields
  const set = (patch: Partial<PlaceCallFields>): void => props.onChange({ ...f, ...patch })
  // Until the person picks, the first agent that can call is the choice.
  const agentId = f.agentId || agents?.find(hasNumber)?.id || ''
  const agent = agents?.find((a) => a.id === agentId)
  const check = checkPhoneInput(f.to)
  const from = agent?.numbers?.[0]?.phoneNumber
  // Said before pressing: what this number will ring, so nobody rings a real person by surprise.
  const rings = check.kind !== 'ok' ? null : sandbox ? sandboxRings(check.e164) : `Rings ${check.display}${from ? ` from ${formatPhone(from)}` : ''}: a real phone call.`

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    if (placing) return
    setInsist(true)
    setRefusal(null)
    if (!agent || !hasNumber(agent)) return setRefusal('Choose an agent that has a phone number.')
    // Refused here, before any request: a bad number never reaches the API.
    if (check.kind !== 'ok') return setRefusal(check.kind === 'empty' ? 'Type the number to call.' : `That number cannot be called: ${check.message}`)
    setPlacing(true)
    const res = await placeCall({
      agentId: agent.id,
      toNumber: check.e164,
      ...(f.greeting.trim() ? { initialGreeting: f.greeting.trim() } : {}),
      ...(f.systemPrompt.trim() ? { systemPrompt: f.systemPrompt.trim() } : {}),
      ...(f.voice ? { voice: f.voice } : {})
    })
    setPlacing(false)
    if ('error' in res) setRefusal(`The call was not placed: ${res.error.message}`)
    else props.onPlaced()
  }

  if (!agents) {
    return loadError ? (
      <ErrorNotice>
        {loadError}{' '}
        <button type="button" className="button" onClick={props.onRetryLoad}>Try again</button>
      </ErrorNotice>
    ) : (
      <p className="muted" role="status"><Loader size={14} aria-hidden="true" /> Loading agents…</p>
    )
  }
  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)} aria-busy={placing}>
      <div className="field">
        <label className="label" htmlFor="place-agent">Agent</label>
        <select id="place-agent" className="input" value={agentId} onChange={(e) => set({ agentId: e.target.value })}>
          {agents.length === 0 ? <option value="">No agents yet — create one in Agents</option> : null}
          {agents.map((a) => (
            <option key={a.id} value={a.id} disabled={!hasNumber(a)}>
              {hasNumber(a) ? `${a.name} · ${formatPhone(a.numbers?.[0]?.phoneNumber ?? '')}` : `${a.name} — no phone number (attach one in Numbers)`}
            </option>
          ))}
        </select>
      </div>
      <PhoneField id="place-to" label="Number to call" value={f.to} check={check} insist={insist} onChange={(to) => set({ to })} onBlur={() => setInsist(f.to.trim() !== '')} autoFocus />
      {sandbox ? <SandboxCalleeHint onUseSandboxPhone={(to) => set({ to })} /> : null}
      <div className="field">
        <label className="label" htmlFor="place-greeting">Greeting (optional)</label>
        <input id="place-greeting" className="input" value={f.greeting} placeholder={agent?.beginMessage ?? 'The agent’s own greeting'} onChange={(e) => set({ greeting: e.target.value })} />
      </div>
      <div className="field">
        <label className="label" htmlFor="place-prompt">Instructions for the AI (optional)</label>
        <textarea id="place-prompt" className="input textarea" rows={3} value={f.systemPrompt} aria-describedby="place-prompt-hint" onChange={(e) => set({ systemPrompt: e.target.value })} />
        <p id="place-prompt-hint" className="muted small">With instructions the AI answers this call by itself (nobody types); without, the agent answers as it is set up.</p>
      </div>
      <div className="field">
        <label className="label" htmlFor="place-voice">Voice</label>
        <select id="place-voice" className="input" value={f.voice} onChange={(e) => set({ voice: e.target.value })}>
          <option value="">The agent’s own voice</option>
          {(voices ?? []).map((v) => (
            <option key={v.voice_id} value={v.voice_id}>{v.voice_name}{v.provider ? ` (${v.provider})` : ''}</option>
          ))}
        </select>
      </div>
      <ErrorNotice>{refusal}</ErrorNotice>
      <p className="place-rings small" role="status">
        {placing ? 'Placing the call…' : rings ? `${rings} It opens in the Call view once placed.` : 'Type a number: this says what it will ring.'}
      </p>
      <div className="dialog-actions">
        <span className="header-spacer" />
        <button type="submit" className="button button--primary" disabled={placing}>
          {placing ? <Loader size={14} aria-hidden="true" /> : null} Place call
        </button>
      </div>
    </form>
  )
}
