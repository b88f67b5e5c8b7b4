import { useEffect, useRef, useState } from 'react'
import { useAppStoreApi } from '../../store/store-context'
import { formatPhone } from '../../lib/format'
import { remoteParty } from '../../lib/call-state'

/**
 * A polite live region for the Monitor: reads out each new caller line on any call, with whose
 * call it is, so someone using a screen reader hears the board move without opening every call.
 * Subscribes to the store directly: announcing must not re-render the whole board.
 */
export function MonitorAnnouncer() {
  const store = useAppStoreApi()
  const [text, setText] = useState('')
  const since = useRef(Date.now())
  useEffect(
    () =>
      store.subscribe((s, before) => {
        if (s.transcripts === before.transcripts) return
        for (const [callId, lines] of Object.entries(s.transcripts)) {
          const last = lines.at(-1)
          if (!last || lines === before.transcripts[callId] || last.speaker !== 'caller' || last.interim) continue
          if (Date.parse(last.at) < since.current) continue // a backfill of older lines stays quiet
          const call = s.calls[callId]
          const who = call ? formatPhone(remoteParty(call)) : 'a caller'
          setText(`${who}${call?.agentName ? ` to ${call.agentName}` : ''} said: ${last.text}`)
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
