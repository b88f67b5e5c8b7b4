import { HardDriveDownload } from 'lucide-react'
import { useAppStore } from '../store/store-context'

/**
 * The journal (the call and message history on disk) stopped taking writes. Everything still works
 * live, but what happens now would be missing after a restart: that must not go unnoticed.
 */
export function JournalHealthBanner() {
  const journal = useAppStore((s) => s.status?.journal ?? null)
  if (!journal || journal.ok) return null
  return (
    <div role="alert" className="banner banner--danger">
      <HardDriveDownload size={15} aria-hidden="true" />
      <span>
        History is not being saved{journal.error ? ` (${journal.error})` : ''}. Calls and texts keep working, but what
        happens now will be missing after a restart. Check the free disk space and the data folder’s permissions, then
        restart Switchboard.
      </span>
    </div>
  )
}
