import { TriangleAlert } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { DialogFrame } from '../../components/dialogs/DialogFrame'
import { withWebhookPath } from '../../store/connect-form'
import { useAppStore } from '../../store/store-context'

/**
 * The confirmation step before Switchboard replaces a webhook it did not register: that URL is
 * someone's server, and after the replacement it stops receiving events.
 */
export function ReplaceDialog() {
  const { replacing, url, confirm, cancel } = useAppStore(
    useShallow((s) => ({ replacing: s.replacing, url: s.connectForm.url, confirm: s.confirmConnect, cancel: s.cancelConnect }))
  )
  const current = replacing?.current
  const scope = replacing?.scope === 'agent' ? 'this agent' : 'the whole project'
  return (
    <DialogFrame
      open={Boolean(current)}
      onOpenChange={(open) => (open ? undefined : cancel())}
      title="Replace the registered webhook?"
      description={`AgentPhone sends ${scope}'s events to a URL Switchboard did not register.`}
    >
      {current ? (
        <div className="wh-dialog-body">
          <p className="wh-warn">
            <TriangleAlert size={15} aria-hidden="true" />
            <span>
              Registered now: <span className="mono">{current.url}</span>
            </span>
          </p>
          <p>
            Connecting replaces it with <span className="mono">{withWebhookPath(url.trim())}</span>, and that server stops receiving
            events. Switchboard remembers it: Disconnect can put it back later, though AgentPhone will then issue it a new signing secret.
          </p>
          <div className="wh-dialog-actions">
            <button type="button" className="button" onClick={cancel}>
              Keep it
            </button>
            <button type="button" className="button button--primary" onClick={() => void confirm()}>
              Replace and connect
            </button>
          </div>
        </div>
      ) : null}
    </DialogFrame>
  )
}
