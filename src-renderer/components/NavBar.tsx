import { Activity, BarChart3, Bot, FlaskConical, Hash, History, MessageSquare, Settings, Webhook } from 'lucide-react'
import type { LucideIcon } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import type { WhoAmI } from '../../src-preload/contract'
import { waitingTurns } from '../store/selectors'
import { isAdmin } from '../store/team-slice'
import { useAppStore } from '../store/store-context'
import type { NavView } from '../store/types'

/** `adminOnly`: every command the view exists for is an admin's (see command-roles.ts), so an operator is not sent there. */
export const NAV_ITEMS: ReadonlyArray<{ view: NavView; label: string; Icon: LucideIcon; adminOnly?: true }> = [
  { view: 'monitor', label: 'Monitor', Icon: Activity },
  { view: 'messages', label: 'Messages', Icon: MessageSquare },
  { view: 'agents', label: 'Agents', Icon: Bot },
  { view: 'numbers', label: 'Numbers', Icon: Hash },
  { view: 'webhooks', label: 'Webhooks', Icon: Webhook, adminOnly: true },
  { view: 'scenarios', label: 'Scenarios', Icon: FlaskConical, adminOnly: true },
  { view: 'history', label: 'History', Icon: History },
  { view: 'usage', label: 'Usage', Icon: BarChart3 },
  { view: 'settings', label: 'Settings', Icon: Settings }
]

/** Whether this window may use a view: before the hub says who it is, every view shows (the desktop window is the owner). */
export function mayOpen(view: NavView, me: WhoAmI | null): boolean {
  const item = NAV_ITEMS.find((i) => i.view === view)
  return !item?.adminOnly || me === null || isAdmin(me)
}

export function NavBar() {
  const { view, setView, waiting } = useAppStore(
    useShallow((s) => ({ view: s.view, setView: s.setView, waiting: waitingTurns(s).length }))
  )
  const unreadTexts = useAppStore((s) => Object.values(s.unread).reduce((a, b) => a + b, 0))
  const me = useAppStore((s) => s.me)
  return (
    <nav className="nav" aria-label="Main">
      <ul>
        {NAV_ITEMS.filter((i) => mayOpen(i.view, me)).map(({ view: v, label, Icon }) => (
          <li key={v}>
            <button
              type="button"
              className="nav-item"
              title={label}
              aria-current={view === v ? 'page' : undefined}
              onClick={() => setView(v)}
            >
              <Icon size={15} aria-hidden="true" />
              <span>{label}</span>
              {v === 'monitor' && waiting > 0 ? (
                <span className="nav-count mono" aria-label={`${waiting} waiting`}>
                  {waiting}
                </span>
              ) : null}
              {v === 'messages' && unreadTexts > 0 ? (
                <span className="nav-count nav-count--unread mono" aria-label={`${unreadTexts} unread`}>
                  {unreadTexts}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
