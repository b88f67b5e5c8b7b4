import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'

/** Which agents autopilot answers for: every one, or only those ticked (the ones the person trusts). */
export function AutopilotAgents() {
  const { ids, agents, loadPickers, configure } = useAppStore(
    useShallow((s) => ({ ids: s.copilot?.autopilotAgentIds ?? null, agents: s.pickerAgents, loadPickers: s.loadPickers, configure: s.configureCopilot }))
  )
  useEffect(() => {
    void loadPickers()
  }, [loadPickers])
  const toggle = (agentId: string, on: boolean): void => {
    const next = new Set(ids ?? [])
    if (on) next.add(agentId)
    else next.delete(agentId)
    void configure({ autopilotAgentIds: [...next] })
  }
  return (
    <fieldset className="st-fieldset">
      <legend className="label">Autopilot answers for</legend>
      <label className="st-check">
        <input type="radio" name="autopilot-scope" checked={ids === null} onChange={() => void configure({ autopilotAgentIds: null })} />
        Every agent
      </label>
      <label className="st-check">
        <input type="radio" name="autopilot-scope" checked={ids !== null} onChange={() => void configure({ autopilotAgentIds: [] })} />
        Only the agents ticked below (the others get drafts)
      </label>
      {ids !== null ? (
        <div className="st-copilot-agents">
          {agents === null ? <span className="muted small">Loading agents…</span> : null}
          {agents?.length === 0 ? <span className="muted small">No agents yet: create one in Agents.</span> : null}
          {agents?.map((a) => (
            <label key={a.id} className="st-check">
              <input type="checkbox" checked={ids.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
              {a.name}
            </label>
          ))}
        </div>
      ) : null}
    </fieldset>
  )
}
