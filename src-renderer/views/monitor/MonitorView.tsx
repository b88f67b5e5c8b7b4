import { PhoneCall } from 'lucide-react'
import { useEffect, useRef } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { EmptyState } from '../../components/EmptyState'
import { PlaceCallButton } from '../../components/dialogs/PlaceCallDialog'
import { waitingTurns } from '../../store/selectors'
import { useAppStore } from '../../store/store-context'
import { CallView } from '../call/CallView'
import { boardCalls } from './board-selectors'
import { CallList } from './CallList'
import { NotifyButton } from './NotifyButton'
import { HistoryLink } from './HistoryLink'
import { GapBanner } from '../webhooks/GapBanner'

/** Monitor: every live call at once, or one call opened in full. */
export function MonitorView() {
  const openCallId = useAppStore((s) => s.openCallId)
  // Coming back from a call puts the keyboard on the list again, on the call just left.
  const cameBack = useRef(false)
  const wasOpen = useRef(openCallId)
  if (wasOpen.current !== openCallId) {
    cameBack.current = wasOpen.current !== null && openCallId === null
    wasOpen.current = openCallId
  }
  if (openCallId) return <CallView callId={openCallId} />
  return <LiveCalls focusList={cameBack.current} />
}

function LiveCalls({ focusList }: { focusList: boolean }) {
  const calls = useAppStore(useShallow(boardCalls))
  const { selectedCallId, selectCall, openCall, waiting, live, sandbox } = useAppStore(
    useShallow((s) => ({
      selectedCallId: s.selectedCallId,
      selectCall: s.selectCall,
      openCall: s.openCall,
      waiting: waitingTurns(s).length,
      live: Object.values(s.calls).filter((c) => c.status !== 'completed' && c.status !== 'failed').length,
      sandbox: s.status?.mode === 'sandbox'
    }))
  )
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (!focusList) return
    const list = document.querySelector<HTMLElement>('[role="listbox"][aria-label="Live calls"]')
    ;(list ?? headingRef.current)?.focus()
  }, [focusList])

  return (
    <section className="view monitor-view" aria-labelledby="monitor-heading">
      <div className="view-header">
        <h1 id="monitor-heading" ref={headingRef} tabIndex={-1}>
          Monitor
        </h1>
        <span className="muted mono nowrap" aria-live="polite">
          {live} live · {waiting} waiting
        </span>
        <span className="header-spacer" />
        <NotifyButton />
        <PlaceCallButton />
        <span className="muted small monitor-keys">
          <kbd>↑</kbd> or <kbd>↓</kbd> select · <kbd>Enter</kbd> open · <kbd>w</kbd> oldest waiting · <kbd>?</kbd> all keys
        </span>
      </div>
      <GapBanner />
      {calls.length === 0 ? (
        <EmptyState icon={PhoneCall} title="No live calls.">
          {sandbox ? (
            <p>Dial the Sandbox Agent from the sandbox phone on the right, or place a call (<kbd>c</kbd>).</p>
          ) : (
            <p>Calls to your agents' numbers show here as they ring; waiting turns sort to the top.</p>
          )}
        </EmptyState>
      ) : (
        <CallList calls={calls} selectedCallId={selectedCallId} onSelect={selectCall} onOpen={openCall} />
      )}
      <HistoryLink />
    </section>
  )
}
