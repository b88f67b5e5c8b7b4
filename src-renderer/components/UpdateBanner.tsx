import { Download, Hourglass } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../store/store-context'

/**
 * The packaged app's "Restart to update", once an update has downloaded in the background. While a
 * call is live or a caller waits the button stays disabled and says why: a restart would drop them.
 */
export function UpdateBanner() {
  const { update, laterFor, restarting, restart, later } = useAppStore(
    useShallow((s) => ({ update: s.update, laterFor: s.updateLaterFor, restarting: s.restartingForUpdate, restart: s.restartToUpdate, later: s.updateLater }))
  )
  if (!update || update.state !== 'ready' || !update.version || laterFor === update.version) return null
  const held = !update.canRestart
  return (
    <div role="region" aria-label="Update ready" className="banner banner--info">
      {held ? <Hourglass size={15} aria-hidden="true" /> : <Download size={15} aria-hidden="true" />}
      <span>
        Switchboard {update.version} is ready to install.
        {held && update.heldBy ? (
          <span id="update-held" className="muted">
            {' '}
            It waits until no call is live and no caller waits (now {update.heldBy}).
          </span>
        ) : null}
      </span>
      <button
        type="button"
        className="button button--primary"
        disabled={held || restarting}
        aria-describedby={held ? 'update-held' : undefined}
        onClick={() => void restart()}
      >
        {restarting ? 'Restarting…' : 'Restart to update'}
      </button>
      <button type="button" className="button button--quiet" onClick={later}>
        Later
      </button>
    </div>
  )
}
