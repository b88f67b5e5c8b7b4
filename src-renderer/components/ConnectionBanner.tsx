import { Ban, Info, KeyRound, Unplug, WifiOff } from 'lucide-react'
import { useAppStore } from '../store/store-context'
import { JournalHealthBanner } from './JournalHealthBanner'
import { PortConflictBanner } from './PortConflictBanner'
import { UnencryptedBanner } from './UnencryptedBanner'

/** Shown across the top whenever the link to the core is down: stale data must look stale. */
export function ConnectionBanner() {
  const connection = useAppStore((s) => s.connection)
  const notice = useAppStore((s) => s.status?.notice ?? null)
  const conflict = useAppStore((s) => s.status?.portConflict ?? null)
  if (connection === 'reconnecting') {
    return (
      <div role="alert" className="banner banner--danger">
        <WifiOff size={15} aria-hidden="true" />
        Disconnected — reconnecting… Live calls and transcripts may be out of date until it is back.
      </div>
    )
  }
  if (connection === 'offline') {
    return (
      <div role="alert" className="banner banner--danger">
        <WifiOff size={15} aria-hidden="true" />
        Offline — the hub has not answered for 30 seconds (this computer slept, or the network dropped). Reconnecting…
        Live calls and transcripts may be out of date until it is back.
      </div>
    )
  }
  if (connection === 'revoked') {
    return (
      <div role="alert" className="banner banner--danger">
        <Ban size={15} aria-hidden="true" />
        An admin of this hub revoked or replaced your link, so this tab is disconnected. Ask them for your new link.
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
  if (connection === 'token-refused') {
    return (
      <div role="alert" className="banner banner--danger">
        <KeyRound size={15} aria-hidden="true" />
        <span>
          Switchboard is running but no longer accepts this tab’s access token: it was restarted with{' '}
          <code className="mono">--new-token</code> or on another data folder. Open the address it printed when it last
          started (the line beginning <code className="mono">{'{"ready": true, "ui":'}</code>), or run{' '}
          <code className="mono">npm run serve</code> again to see it.
        </span>
      </div>
    )
  }
  return (
    <>
      <UnencryptedBanner />
      <JournalHealthBanner />
      {conflict ? (
        <PortConflictBanner conflict={conflict} notice={notice} />
      ) : notice ? (
        // Something about the setup the person should know (a failed live start, a moved port).
        <div role="status" className="banner banner--info">
          <Info size={15} aria-hidden="true" />
          {notice}
        </div>
      ) : null}
    </>
  )
}
