import { useEffect, useState } from 'react'
import { useAppStoreApi } from '../../store/store-context'
import { formatPhone } from '../../lib/format'
import { remoteParty } from '../../lib/call-state'

/**
 * A polite live region for the Monitor: reads out each turn that starts waiting for a person, with
 * whose call it is and what the caller said. Only waiting turns: with many calls, every caller line
 * would bury the one thing the listener must act on (the open call's own region reads its lines).
 * Subscribes to the store directly: announcing must not re-render the whole board.
 */
export function MonitorAnnouncer() {
  const store = useAppStoreApi()
  const [text, setText] = useState('')
  useEffect(
    () =>
      store.subscribe((s, before) => {
        if (s.turns === before.turns) return
        for (const [turnId, turn] of Object.entries(s.turns)) {
          if (before.turns[turnId]) continue
          const call = s.calls[turn.callId]
          const who = call ? formatPhone(remoteParty(call)) : 'A caller'
          setText(`${who}${call?.agentName ? ` to ${call.agentName}` : ''} is waiting for you: ${turn.transcript}`)
        }
      }),
    [store]
  )
  return (
    <div className="sr-only" aria-live="polite" data-testid="monitor-announcer">
      {text}
    </div>
  )
}
