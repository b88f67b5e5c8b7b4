import { KeyRound, Link2, UserMinus } from 'lucide-react'
import { useEffect, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { TeamMember } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import type { IssuedRole } from '../../store/team-slice'
import type { ActionError } from '../../store/directory-slice'
import { ActionErrorNote } from '../directory/ActionErrorNote'
import { ConfirmDialog } from '../directory/ConfirmDialog'
import { IssuedLinkPanel } from './IssuedLinkPanel'

const ROLE_HELP = 'Operators answer turns, send texts and place calls. Admins also change settings, webhooks, agents, numbers, the API key and the team.'

/**
 * Settings › Team (admins): a personal link per person, with their name and role. A link is shown
 * once when issued or rotated; revoking it closes that person's open tabs at once.
 */
export function TeamSection() {
  const { me, members, teamError, loadTeam, invite } = useAppStore(
    useShallow((s) => ({ me: s.me, members: s.members, teamError: s.teamError, loadTeam: s.loadTeam, invite: s.invite }))
  )
  const [name, setName] = useState('')
  const [role, setRole] = useState<IssuedRole>('operator')
  const [error, setError] = useState<ActionError>(null)
  const hub = Boolean(me?.hub)
  useEffect(() => {
    if (hub) void loadTeam()
  }, [hub, loadTeam])

  if (!hub) {
    return (
      <div className="st-body">
        <p className="muted">
          This desktop window is its hub’s one person, the owner. To share one board with a team, run{' '}
          <span className="mono">npm run serve -- --host …</span> and hand out personal links from here in the browser.
        </p>
      </div>
    )
  }
  const submit = async (): Promise<void> => {
    const refused = await invite(name.trim(), role)
    setError(refused)
    if (!refused) setName('')
  }
  return (
    <div className="st-body">
      <p className="muted small">{ROLE_HELP}</p>
      <IssuedLinkPanel />
      <form
        className="team-invite"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) void submit()
        }}
      >
        <label className="label" htmlFor="team-name">
          Name
        </label>
        <input id="team-name" className="input" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} placeholder="Grace Hopper" />
        <label className="label" htmlFor="team-role">
          Role
        </label>
        <select id="team-role" className="input" value={role} onChange={(e) => setRole(e.target.value as IssuedRole)}>
          <option value="operator">Operator</option>
          <option value="admin">Admin</option>
        </select>
        <button type="submit" className="button button--primary" disabled={!name.trim()}>
          <Link2 size={14} aria-hidden="true" /> Create link
        </button>
      </form>
      <ActionErrorNote error={error} what="Creating the link" />
      {teamError ? (
        <p className="st-error" role="alert">
          The team could not be loaded: {teamError}
        </p>
      ) : null}
      {members ? <MemberTable members={members} myId={me!.id} myRole={me!.role} /> : <p className="muted">Loading the team…</p>}
    </div>
  )
}

function MemberTable({ members, myId, myRole }: { members: TeamMember[]; myId: string; myRole: string }) {
  return (
    <table className="team-table" aria-label="People with a link">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Role</th>
          <th scope="col">Open tabs</th>
          <th scope="col">Link since</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {members.map((m) => (
          <MemberRow key={m.id} member={m} isMe={m.id === myId} canRotate={m.role !== 'owner' || myRole === 'owner'} />
        ))}
      </tbody>
    </table>
  )
}

function MemberRow({ member, isMe, canRotate }: { member: TeamMember; isMe: boolean; canRotate: boolean }) {
  const { setRole, rotateLink, revokeLink } = useAppStore(useShallow((s) => ({ setRole: s.setRole, rotateLink: s.rotateLink, revokeLink: s.revokeLink })))
  const [asking, setAsking] = useState<'rotate' | 'revoke' | null>(null)
  const [error, setError] = useState<ActionError>(null)
  const fixedRole = member.role === 'owner' || isMe
  return (
    <tr>
      <td>
        <span className="strong">{member.name}</span>
        {isMe ? <span className="muted"> (you)</span> : null}
        <ActionErrorNote error={error} />
      </td>
      <td>
        {fixedRole ? (
          <span>{member.role === 'owner' ? 'Owner' : member.role === 'admin' ? 'Admin' : 'Operator'}</span>
        ) : (
          <select
            className="input"
            aria-label={`Role of ${member.name}`}
            value={member.role}
            onChange={(e) => void setRole(member.id, e.target.value as IssuedRole).then(setError)}
          >
            <option value="operator">Operator</option>
            <option value="admin">Admin</option>
          </select>
        )}
      </td>
      <td className="mono">{member.connections}</td>
      <td>{new Date(member.rotatedAt ?? member.createdAt).toLocaleDateString()}</td>
      <td>
        <div className="team-actions">
          {canRotate ? (
            <button type="button" className="button button--quiet" onClick={() => setAsking('rotate')} aria-label={`New link for ${member.name}`}>
              <KeyRound size={14} aria-hidden="true" /> New link…
            </button>
          ) : null}
          {member.role !== 'owner' && !isMe ? (
            <button type="button" className="button button--danger" onClick={() => setAsking('revoke')} aria-label={`Revoke ${member.name}'s link`}>
              <UserMinus size={14} aria-hidden="true" /> Revoke…
            </button>
          ) : null}
        </div>
        {asking === 'rotate' ? (
          <ConfirmDialog title={`A new link for ${member.name}?`} confirmLabel="Make a new link" busyLabel="Making…" onConfirm={() => rotateLink(member.id)} onClose={() => setAsking(null)}>
            {isMe
              ? 'Your current link stops working and this tab disconnects in a moment: copy the new link first, then open it.'
              : `${member.name}’s current link stops working at once and their open tabs close. Send them the new link.`}
          </ConfirmDialog>
        ) : null}
        {asking === 'revoke' ? (
          <ConfirmDialog title={`Revoke ${member.name}’s link?`} confirmLabel="Revoke link" busyLabel="Revoking…" onConfirm={() => revokeLink(member.id)} onClose={() => setAsking(null)}>
            {member.name}’s link stops working at once and their {member.connections === 1 ? 'open tab closes' : 'open tabs close'}. Any turn they were
            answering is free for someone else. This cannot be undone; you can issue a new link later.
          </ConfirmDialog>
        ) : null}
      </td>
    </tr>
  )
}
