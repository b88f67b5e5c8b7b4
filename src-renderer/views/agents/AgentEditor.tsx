import { LoaderCircle } from 'lucide-react'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Agent } from '../../../src-preload/contract'
import type { ActionError } from '../../store/directory-slice'
import { useAppStore } from '../../store/store-context'
import { ActionErrorNote } from '../directory/ActionErrorNote'
import { DialogFrame } from '../../components/dialogs/DialogFrame'
import { CopyId } from '../../components/CopyId'
import type { AgentForm, AgentFormErrors } from './agent-form'
import { EMPTY_FORM, formFromAgent, toCreateParams, toUpdatePatch, validateAgentForm } from './agent-form'
import { AgentFields } from './AgentFields'

/** Creates an agent (no `agent`) or edits one. Closing is refused while a save is in flight. */
export function AgentEditor({ agent, onClose }: { agent: Agent | null; onClose: () => void }) {
  const { createAgent, updateAgent } = useAppStore(useShallow((s) => ({ createAgent: s.createAgent, updateAgent: s.updateAgent })))
  const [initial] = useState<AgentForm>(() => (agent ? formFromAgent(agent) : EMPTY_FORM))
  const [form, setForm] = useState<AgentForm>(initial)
  const [errors, setErrors] = useState<AgentFormErrors>({})
  const [apiError, setApiError] = useState<ActionError>(null)
  const [busy, setBusy] = useState(false)
  const formId = useId()

  const update = (patch: Partial<AgentForm>): void => {
    setForm((f) => ({ ...f, ...patch }))
    // A field's complaint goes away as soon as it is edited; the rest stay until the next submit.
    setErrors((e) => {
      const next = { ...e }
      for (const k of Object.keys(patch) as Array<keyof AgentForm>) delete next[k]
      if (patch.voiceMode) delete next.systemPrompt
      return next
    })
  }

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    const found = validateAgentForm(form)
    setErrors(found)
    const first = Object.keys(found)[0]
    if (first) {
      document.getElementById(`${formId}-${first}`)?.focus()
      return
    }
    setBusy(true)
    setApiError(null)
    const err = agent ? await updateAgent(agent.id, toUpdatePatch(initial, form)) : await createAgent(toCreateParams(form))
    setBusy(false)
    if (err) setApiError(err)
    else onClose()
  }

  const title = agent ? `Edit ${agent.name}` : 'New agent'
  return (
    <DialogFrame open width="wide" title={title} busy={busy} onOpenChange={(o) => (o ? undefined : onClose())}>
      <form className="dir-form" noValidate onSubmit={(e) => void submit(e)} aria-label={title}>
        {agent ? (
          <p className="muted small dir-agent-id">
            {/* The id is a detail for support tickets and scripts, not a label. */}
            <CopyId id={agent.id} what="agent" />
          </p>
        ) : null}
        <AgentFields idPrefix={formId} form={form} errors={errors} onChange={update} disabled={busy} />
        <ActionErrorNote error={apiError} />
        <div className="dir-dialog-actions">
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? <LoaderCircle size={14} className="dir-spin" aria-hidden="true" /> : null}
            {busy ? 'Saving…' : agent ? 'Save changes' : 'Create agent'}
          </button>
        </div>
      </form>
    </DialogFrame>
  )
}
