import * as Menu from '@radix-ui/react-dropdown-menu'
import { ChevronDown, Link2, LoaderCircle } from 'lucide-react'
import type { Agent, PhoneNumber } from '../../../src-preload/contract'
import { formatPhone } from '../../lib/format'

type Props = {
  number: PhoneNumber
  agents: readonly Agent[]
  busy: boolean
  onAttach: (agentId: string) => void
}

/**
 * Attach (or move) a number to an agent. A menu, not a <select>: arrowing through a select
 * changes it at once, and every change here is a request to AgentPhone.
 */
export function NumberAgentMenu({ number, agents, busy, onAttach }: Props) {
  const others = agents.filter((a) => a.id !== number.agentId)
  const verb = number.agentId ? 'Move' : 'Attach'
  return (
    <Menu.Root>
      <Menu.Trigger
        className="button"
        disabled={busy || others.length === 0}
        aria-label={`${verb} ${formatPhone(number.phoneNumber)} to an agent`}
        title={others.length === 0 ? 'No other agent to attach it to: create one under Agents.' : undefined}
      >
        {busy ? <LoaderCircle size={13} className="dir-spin" aria-hidden="true" /> : <Link2 size={13} aria-hidden="true" />}
        <span className="dir-btn-text">{verb}</span>
        <ChevronDown size={12} aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="dir-menu" align="end" sideOffset={4}>
          <Menu.Label className="dir-menu-label">{verb} to agent</Menu.Label>
          {others.map((a) => (
            <Menu.Item key={a.id} className="dir-menu-item" onSelect={() => onAttach(a.id)}>
              {a.name}
              <span className="muted small">{a.voiceMode === 'hosted' ? 'Hosted' : 'Webhook'}</span>
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  )
}
