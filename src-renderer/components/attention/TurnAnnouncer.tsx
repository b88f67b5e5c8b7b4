import { useEffect, useState } from 'react'
import { useAppStoreApi } from '../../store/store-context'
import { waitingTurns } from '../../store/selectors'
import { announcement, answering, summarize } from './alert-turns'

/**
 * A polite live region, on every view, that reads out each turn that starts waiting for a person:
 * once per turn, never per countdown tick (the alert's own countdown is a timer, which screen
 * readers leave quiet). The call already open in the Call view has its own announcer there.
 * Subscribes to the store directly: announcing must not re-render the app.
 */
export function TurnAnnouncer() {
  const store = useAppStoreApi()
  const [text, setText] = useState('')
  useEffect(
    () =>
      store.subscribe((s, before) => {
        if (s.turns === before.turns) return
        const open = answering(s)
        for (const turn of waitingTurns(s)) {
          if (before.turns[turn.turnId] || turn.callId === open) continue
          setText(announcement(summarize(s, turn)))
        }
      }),
    [store]
  )
  return (
    <div className="sr-only" aria-live="polite" data-testid="turn-announcer">
      {text}
    </div>
  )
}
