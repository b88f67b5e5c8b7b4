import { FlaskConical } from 'lucide-react'
import { useState } from 'react'
import { useAppStore } from '../../store/store-context'

/**
 * A finished call becomes a scenario: its caller lines replay, its answers become expectations, and
 * the Scenarios view opens on it to loosen them and run it against a webhook server.
 */
export function SaveAsScenario({ callId, ended }: { callId: string; ended: boolean }) {
  const fromCall = useAppStore((s) => s.scenarioFromCall)
  const [busy, setBusy] = useState(false)
  return (
    <button
      type="button"
      className="button"
      aria-disabled={!ended || busy}
      title={ended ? 'Open this call as a scenario to replay against a webhook server' : 'Available once the call has ended'}
      onClick={async () => {
        if (!ended || busy) return
        setBusy(true)
        await fromCall(callId)
        setBusy(false)
      }}
    >
      <FlaskConical size={14} aria-hidden="true" /> Save as scenario
    </button>
  )
}
