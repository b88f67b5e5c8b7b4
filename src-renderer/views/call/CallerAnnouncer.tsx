import { useState } from 'react'
import { useAppStore } from '../../store/store-context'

/**
 * A polite live region that reads out each new caller line. Only lines newer than what was on
 * screen when the call was opened are announced; a late backfill of older lines stays quiet.
 */
export function CallerAnnouncer({ callId }: { callId: string }) {
  const lines = useAppStore((s) => s.transcripts[callId])
  const [since] = useState(() => {
    const last = lines?.at(-1)
    return last ? Date.parse(last.at) : Date.now()
  })
  let text = ''
  for (let i = (lines?.length ?? 0) - 1; i >= 0; i--) {
    const l = lines?.[i]
    if (!l || Date.parse(l.at) <= since) break
    if (l.speaker === 'caller') {
      text = `Caller said: ${l.text}`
      break
    }
  }
  return (
    <div className="sr-only" aria-live="polite" data-testid="caller-announcer">
      {text}
    </div>
  )
}
