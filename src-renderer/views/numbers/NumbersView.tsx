import { CircleCheck, CircleDashed, Hash, Plus, RotateCw, Trash2, Unlink } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { PhoneNumber } from '../../../src-preload/contract'
import { EmptyState } from '../../components/EmptyState'
import { formatPhone } from '../../lib/format'
import type { ActionError } from '../../store/directory-slice'
import { plural } from '../../lib/words'
import { useAppStore } from '../../store/store-context'
import { ActionErrorNote } from '../directory/ActionErrorNote'
import type { Column } from '../directory/DataTable'
import { DataTable } from '../directory/DataTable'
import { LoadState } from '../directory/LoadState'
import { useDirectoryLoad } from '../directory/use-directory'
import { BuyNumberDialog } from './BuyNumberDialog'
import { NumberAgentMenu } from './NumberAgentMenu'
import { ReleaseNumberDialog } from './ReleaseNumberDialog'

function NumberStatus({ status }: { status: string }) {
  const active = status === 'active'
  const Icon = active ? CircleCheck : CircleDashed
  return (
    <span className={`badge ${active ? 'badge--live' : 'badge--ended'}`}>
      <Icon size={13} aria-hidden="true" />
      {status.charAt(0).toUpperCase() + status.slice(1)}
    </span>
  )
}

/** Numbers: what the account holds, which agent answers each, and buying and releasing them. */
export function NumbersView() {
  useDirectoryLoad(['numbers', 'agents'])
  const s = useAppStore(
    useShallow((st) => ({
      numbers: st.numbers,
      agents: st.agents.items,
      loadNumbers: st.loadNumbers,
      attach: st.attachNumber,
      detach: st.detachNumber
    }))
  )
  const [buying, setBuying] = useState(false)
  const [releasing, setReleasing] = useState<PhoneNumber | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [rowError, setRowError] = useState<{ what: string; error: ActionError } | null>(null)
  const agentName = useMemo(() => new Map((s.agents ?? []).map((a) => [a.id, a.name])), [s.agents])
  const nameOf = (n: PhoneNumber): string | null => (n.agentId ? (agentName.get(n.agentId) ?? n.agentId) : null)

  const run = async (n: PhoneNumber, what: string, action: () => Promise<ActionError>): Promise<void> => {
    setBusyId(n.id)
    setRowError(null)
    const error = await action()
    setBusyId(null)
    if (error) setRowError({ what: `${what} ${formatPhone(n.phoneNumber)}`, error })
  }

  const columns: Array<Column<PhoneNumber>> = [
    { header: 'Number', width: 'minmax(130px, 1fr)', render: (n) => <span className="mono strong">{formatPhone(n.phoneNumber)}</span> },
    { header: 'Country', width: '64px', render: (n) => <span className="mono">{n.country ?? '—'}</span> },
    { header: 'Status', width: '96px', render: (n) => <NumberStatus status={n.status} /> },
    {
      header: 'Agent',
      width: 'minmax(110px, 1fr)',
      render: (n) => (n.agentId ? <span className="dir-ellipsis">{nameOf(n)}</span> : <span className="muted">Unassigned</span>)
    },
    {
      header: 'Actions',
      width: 'var(--dir-actions)',
      className: 'dir-cell--actions',
      render: (n) => {
        const shown = formatPhone(n.phoneNumber)
        const busy = busyId === n.id
        return (
          <>
            <NumberAgentMenu number={n} agents={s.agents ?? []} busy={busy} onAttach={(agentId) => void run(n, 'Attaching', () => s.attach(n.id, agentId))} />
            {n.agentId ? (
              <button type="button" className="button" disabled={busy} aria-label={`Detach ${shown} from ${nameOf(n)}`} onClick={() => void run(n, 'Detaching', () => s.detach(n.id, n.agentId ?? ''))}>
                <Unlink size={13} aria-hidden="true" /> <span className="dir-btn-text">Detach</span>
              </button>
            ) : null}
            <button type="button" className="button button--danger" disabled={busy} aria-label={`Release ${shown}`} onClick={() => setReleasing(n)}>
              <Trash2 size={13} aria-hidden="true" /> <span className="dir-btn-text">Release</span>
            </button>
          </>
        )
      }
    }
  ]

  const items = s.numbers.items
  return (
    <section className="view" aria-labelledby="numbers-heading" aria-busy={s.numbers.loading}>
      <div className="view-header">
        <h1 id="numbers-heading">Numbers</h1>
        {items ? <span className="muted mono nowrap">{plural(items.length, 'number')}</span> : null}
        <span className="header-spacer" />
        <button type="button" className="button button--quiet" onClick={() => void s.loadNumbers()} disabled={s.numbers.loading} aria-label="Reload numbers">
          <RotateCw size={14} aria-hidden="true" className={s.numbers.loading ? 'dir-spin' : undefined} />
        </button>
        <button type="button" className="button button--primary" onClick={() => setBuying(true)}>
          <Plus size={14} aria-hidden="true" /> Buy number
        </button>
      </div>
      {rowError ? (
        <div className="dir-banner">
          <ActionErrorNote error={rowError.error} what={rowError.what} />
        </div>
      ) : null}
      {items && s.numbers.error ? <LoadState what="numbers" loading={s.numbers.loading} error={s.numbers.error} onRetry={() => void s.loadNumbers()} /> : null}
      {!items ? (
        <LoadState what="numbers" loading={s.numbers.loading} error={s.numbers.error} onRetry={() => void s.loadNumbers()} />
      ) : items.length === 0 ? (
        <EmptyState icon={Hash} title="No numbers yet.">
          <p>A number is how callers and texters reach an agent. Buy one and attach it to an agent.</p>
          <button type="button" className="button button--primary" onClick={() => setBuying(true)}>
            <Plus size={14} aria-hidden="true" /> Buy your first number
          </button>
        </EmptyState>
      ) : (
        <DataTable className="dir-table--numbers" label="Phone numbers" rows={items} columns={columns} rowKey={(n) => n.id} />
      )}
      {buying ? <BuyNumberDialog onClose={() => setBuying(false)} /> : null}
      {releasing ? <ReleaseNumberDialog number={releasing} agentName={nameOf(releasing)} onClose={() => setReleasing(null)} /> : null}
    </section>
  )
}
