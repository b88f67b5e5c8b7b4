import type { Agent } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'
import { useAppStore } from '../../store/store-context'
import { ConfirmDialog } from '../directory/ConfirmDialog'

/** Deleting an agent cannot be undone; its numbers stay on the account with no agent behind them. */
export function DeleteAgentDialog({ agent, onClose }: { agent: Agent; onClose: () => void }) {
  const deleteAgent = useAppStore((s) => s.deleteAgent)
  const isSandboxAgent = useAppStore((s) => s.status?.sandbox?.agent.id === agent.id)
  const numbers = agent.numbers ?? []
  const one = numbers.length === 1
  return (
    <ConfirmDialog
      title={`Delete agent “${agent.name}”?`}
      confirmLabel="Delete agent"
      busyLabel="Deleting…"
      onConfirm={() => deleteAgent(agent.id)}
      onClose={onClose}
    >
      <p>
        <strong>{agent.name}</strong> will be deleted for good: its prompt, greeting and settings cannot be brought back.
      </p>
      {numbers.length > 0 ? (
        <p>
          {one ? 'Its number' : `Its ${numbers.length} numbers`} (<span className="mono">{numbers.map((n) => formatPhone(n.phoneNumber)).join(', ')}</span>){' '}
          {one ? 'stays' : 'stay'} on your account but {one ? 'becomes' : 'become'} unassigned: calls and texts to {one ? 'it' : 'them'} reach no
          agent until you attach {one ? 'it' : 'them'} to one.
        </p>
      ) : (
        <p>It has no numbers attached, so no number is affected: numbers always stay on your account, unassigned, when their agent goes.</p>
      )}
      <p className="muted">Past calls and conversations are kept.</p>
      {isSandboxAgent ? <p className="muted">This is the agent the sandbox phone dials: its calls will reach no agent afterwards.</p> : null}
    </ConfirmDialog>
  )
}
