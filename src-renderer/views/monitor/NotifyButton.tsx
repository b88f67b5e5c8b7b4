import { Bell, BellOff } from 'lucide-react'
import { requestNotifyPermission } from '../../lib/notifications'
import { useAppStore, useAppStoreApi } from '../../store/store-context'

/**
 * Browsers only grant notification permission from a click, so the Monitor offers one small
 * button while the question is still open, and says so once it has been refused.
 */
export function NotifyButton() {
  const store = useAppStoreApi()
  const permission = useAppStore((s) => s.notifyPermission)
  if (permission === 'denied') {
    return (
      <span className="muted small" title="Allow notifications for this app in your browser or system settings">
        <BellOff size={13} aria-hidden="true" /> Notifications blocked
      </span>
    )
  }
  if (permission !== 'default') return null
  return (
    <button type="button" className="button button--quiet" onClick={() => void requestNotifyPermission(store)}>
      <Bell size={14} aria-hidden="true" /> Enable desktop notifications
    </button>
  )
}
