import { PhoneCall } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState } from '../../components/EmptyState'
import { sortedLiveCalls } from '../../store/selectors'
import { useAppStore } from '../../store/store-context'
import { CallView } from '../call/CallView'
import { CallList } from './CallList'

/** Monitor: every live call at once, or one call opened in full. */
export function MonitorView() {
  const openCallId = useAppStore((s) => s.openCallId)
  if (openCallId) return <CallView callId={openCallId} />
  return <LiveCalls />
}

function LiveCalls() {
  const calls = useAppStore(useShallow(sortedLiveCalls))
  const { selectedCallId, selectCall, openCall, waiting, sandbox } = useAppStore(
    useShallow((s) => ({
      selectedCallId: s.selectedCallId,
      selectCall: s.selectCall,
      openCall: s.openCall,
      waiting: Object.keys(s.turns).length,
      sandbox: s.status?.mode === 'sandbox'
    }))
  )
  return (
    <section className="view" aria-labelledby="monitor-heading">
      <div className="view-header">
        <h1 id="monitor-heading">Monitor</h1>
        <span className="muted mono" aria-live="polite">
          {calls.length} live · {waiting} waiting
        </span>
        <span className="header-spacer" />
        <span className="muted small">
          <kbd>↑</kbd> <kbd>↓</kbd> select · <kbd>Enter</kbd> open · <kbd>w</kbd> oldest waiting turn
        </span>
      </div>
      {calls.length === 0 ? (
        <EmptyState icon={PhoneCall} title="No live calls.">
          {sandbox ? (
            <p>No live calls. In sandbox mode, dial the Sandbox Agent from the phone on the right.</p>
          ) : (
            <p>Calls to your agents' numbers show here as they ring; waiting turns sort to the top.</p>
          )}
        </EmptyState>
      ) : (
        <CallList
          calls={calls}
          selectedCallId={selectedCallId}
          onSelect={selectCall}
          onOpen={(id) => void openCall(id)}
        />
      )}
    </section>
  )
}
