import { UserRound } from 'lucide-react'
import { useAppStore } from '../store/store-context'

const ROLE_WORD = { operator: 'operator', admin: 'admin', owner: 'owner' } as const

/** On a hub, whose link this tab runs on: the name teammates see on claims, and its role. */
export function WhoChip() {
  const me = useAppStore((s) => s.me)
  if (!me?.hub) return null
  // The owner's link is named "Owner" until someone names it: "Owner owner" would say it twice.
  const role = ROLE_WORD[me.role]
  const sameWord = me.name.trim().toLowerCase() === role
  return (
    <span className="who-chip" title="The name and role your link carries; an admin manages links in Settings › Team">
      <UserRound size={13} aria-hidden="true" />
      <span className="strong">{me.name}</span>
      {sameWord ? null : <> <span className="muted">{role}</span></>}
    </span>
  )
}
