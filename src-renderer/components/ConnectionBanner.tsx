import { Info, Unplug, WifiOff } from 'lucide-react'
import { useAppStore } from '../store/store-context'

/** Shown across the top whenever the link to the core is down: stale data must look stale. */
export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection)
  const notice = useAppStore((s) => s.status?.notice ?? null)
  if (connection === 'reconnecting') {
    return (
      <div role="alert" className="banner banner--danger">
        <WifiOff size={15} aria-hidden="true" />
        Disconnected — reconnecting… Live calls and transcripts may be out of date until it is back.
      </div>
    )
  }
  if (connection === 'no-token') {
    return (
      <div role="alert" className="banner banner--danger">
        <Unplug size={15} aria-hidden="true" />
        Not connected: open the UI link that <code className="mono">switchboard serve</code> printed — it carries the
        access token.
      </div>
    )
  }
  if (notice) {
    // Something about the setup the person should know (a failed live start, no secret storage).
    return (
      <div role="status" className="banner banner--info">
        <Info size={15} aria-hidden="true" />
        {notice}
      </div>
    )
  }
  return null
}
