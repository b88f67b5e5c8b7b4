import { Loader2, Unplug } from 'lucide-react'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { DialogFrame } from '../../components/dialogs/DialogFrame'
import { useAppStore } from '../../store/store-context'

/**
 * Disconnect, offering to put back the URL Switchboard replaced. AgentPhone issues a new secret on
 * every registration, so the person is told the restored server needs that new secret.
 */
export function DisconnectDialog() {
  const [open, setOpen] = useState(false)
  const { previous, busy, disconnect } = useAppStore(
    useShallow((s) => ({ previous: s.webhookStatus?.previous ?? null, busy: s.disconnecting, disconnect: s.disconnect }))
  )
  const run = async (restore: boolean): Promise<void> => {
    if (await disconnect(restore)) setOpen(false)
  }
  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setOpen(true)}>
        <Unplug size={13} aria-hidden="true" /> Disconnect
      </button>
      <DialogFrame
        open={open}
        onOpenChange={(next) => (busy ? undefined : setOpen(next))}
        title="Disconnect the webhook"
        description="AgentPhone will stop sending events to Switchboard."
      >
        <div className="wh-dialog-body">
          {previous ? (
            <>
              <p>
                Before Switchboard, AgentPhone sent these events to <span className="mono">{previous.url}</span>. You can put it back.
              </p>
              <p className="wh-warn">
                AgentPhone issues a new signing secret on every registration: that server will need the new secret from the AgentPhone
                dashboard, or it will refuse the deliveries.
              </p>
            </>
          ) : (
            <p>No other URL was registered before Switchboard, so the webhook is simply removed.</p>
          )}
          <div className="wh-dialog-actions">
            {busy ? <Loader2 size={14} aria-label="Working" className="wh-spin" /> : null}
            <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="button" className="button button--danger" disabled={busy} onClick={() => void run(false)}>
              Remove the webhook
            </button>
            {previous ? (
              <button type="button" className="button button--primary" disabled={busy} onClick={() => void run(true)}>
                Put back the previous URL
              </button>
            ) : null}
          </div>
        </div>
      </DialogFrame>
    </>
  )
}
