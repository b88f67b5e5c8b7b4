import { Bot, Pencil, Plus, RotateCw, Trash2 } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Agent } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { formatPhone } from '../../lib/format'
import { plural } from '../../lib/words'
import { useAppStore } from '../../store/store-context'
import type { Column } from '../directory/DataTable'
import { DataTable } from '../directory/DataTable'
import { LoadState } from '../directory/LoadState'
import { useDirectoryLoad } from '../directory/use-directory'
import { AgentEditor } from './AgentEditor'
import { DeleteAgentDialog } from './DeleteAgentDialog'
import { VoiceModeBadge } from './VoiceModeBadge'

type Open = { kind: 'new' } | { kind: 'edit'; agent: Agent } | { kind: 'delete'; agent: Agent } | null

/** Agents: who answers each number, in which mode and with which voice; create, edit, delete. */
export function AgentsView() {
  useDirectoryLoad(['agents', 'voices'])
  const { agents, voices, loadAgents } = useAppStore(useShallow((s) => ({ agents: s.agents, voices: s.voices, loadAgents: s.loadAgents })))
  const [open, setOpen] = useState<Open>(null)
  const voiceName = useMemo(() => new Map((voices ?? []).map((v) => [v.voice_id, v.voice_name])), [voices])
  const items = agents.items

  const columns: Array<Column<Agent>> = [
    {
      header: 'Name',
      width: 'minmax(140px, 1.4fr)',
      render: (a) => (
        <>
          <span className="strong dir-ellipsis">{a.name}</span>
          {a.description ? <span className="muted small dir-ellipsis">{a.description}</span> : null}
        </>
      )
    },
    { header: 'Who answers', width: '112px', render: (a) => <VoiceModeBadge mode={a.voiceMode} /> },
    {
      header: 'Numbers',
      width: 'minmax(120px, 1fr)',
      render: (a) =>
        a.numbers?.length ? (
          <span className="mono dir-ellipsis" title={a.numbers.map((n) => n.phoneNumber).join(', ')}>
            {a.numbers.map((n) => formatPhone(n.phoneNumber)).join(', ')}
          </span>
        ) : (
          <span className="muted">None</span>
        )
    },
    {
      header: 'Voice',
      width: 'minmax(150px, 1.3fr)',
      // Two lines if need be: a voice is told apart by the words after its name ("Skylar — Friendly, warm").
      render: (a) => (a.voice ? <span className="dir-two-lines" title={voiceName.get(a.voice) ?? a.voice}>{voiceName.get(a.voice) ?? <span className="mono">{a.voice}</span>}</span> : <span className="muted">Default</span>)
    },
    {
      header: 'Actions',
      width: 'var(--dir-actions)',
      className: 'dir-cell--actions',
      render: (a) => (
        <>
          <button type="button" className="button" aria-label={`Edit ${a.name}`} onClick={() => setOpen({ kind: 'edit', agent: a })}>
            <Pencil size={13} aria-hidden="true" /> <span className="dir-btn-text">Edit</span>
          </button>
          <button type="button" className="button button--danger" aria-label={`Delete ${a.name}`} onClick={() => setOpen({ kind: 'delete', agent: a })}>
            <Trash2 size={13} aria-hidden="true" /> <span className="dir-btn-text">Delete</span>
          </button>
        </>
      )
    }
  ]

  return (
    <section className="view" aria-labelledby="agents-heading" aria-busy={agents.loading}>
      <div className="view-header">
        <h1 id="agents-heading">Agents</h1>
        {items ? <span className="muted mono nowrap">{plural(items.length, 'agent')}</span> : null}
        <span className="header-spacer" />
        <button type="button" className="button button--quiet" onClick={() => void loadAgents()} disabled={agents.loading} aria-label="Reload agents">
          <RotateCw size={14} aria-hidden="true" className={agents.loading ? 'dir-spin' : undefined} />
        </button>
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'new' })}>
          <Plus size={14} aria-hidden="true" /> New agent
        </button>
      </div>
      {items && agents.error ? <LoadState what="agents" loading={agents.loading} error={agents.error} onRetry={() => void loadAgents()} /> : null}
      {!items ? (
        <LoadState what="agents" loading={agents.loading} error={agents.error} onRetry={() => void loadAgents()} />
      ) : items.length === 0 ? (
        <EmptyState icon={Bot} title="No agents yet.">
          <p>An agent answers the calls and texts to its numbers. Create one, then buy a number for it under Numbers.</p>
          <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'new' })}>
            <Plus size={14} aria-hidden="true" /> Create your first agent
          </button>
        </EmptyState>
      ) : (
        <DataTable className="dir-table--agents" label="Agents" rows={items} columns={columns} rowKey={(a) => a.id} />
      )}
      {open?.kind === 'new' ? <AgentEditor agent={null} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'edit' ? <AgentEditor agent={open.agent} onClose={() => setOpen(null)} /> : null}
      {open?.kind === 'delete' ? <DeleteAgentDialog agent={open.agent} onClose={() => setOpen(null)} /> : null}
    </section>
  )
}
