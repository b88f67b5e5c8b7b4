import { AlarmClock, TriangleAlert } from 'lucide-react'
import { formatDuration, secondsLeft } from '../lib/format'
import { useNow } from '../lib/use-now'

/** Under this many seconds the countdown turns red: time to send what you have. */
export const URGENT_SECONDS = 5

/** Seconds left until a turn's deadline, ticking; red with a warning icon when nearly out. */
export function Countdown({ deadline, long = false }: { deadline: string; long?: boolean }) {
  const now = useNow()
  const left = secondsLeft(deadline, now)
  const urgent = left < URGENT_SECONDS
  const Icon = urgent ? TriangleAlert : AlarmClock
  const text = left === 0 ? 'time up' : long ? `${left} s left to answer` : `${left} s`
  return (
    <span
      className={`countdown mono${urgent ? ' countdown--urgent' : ''}`}
      role="timer"
      aria-label={left === 0 ? 'Deadline passed' : `${left} seconds left to answer`}
      data-urgent={urgent ? 'true' : 'false'}
    >
      <Icon size={13} aria-hidden="true" />
      {text}
    </span>
  )
}

/** A call's running time (mm:ss), frozen at the end time once the call is over. */
export function Duration({ startedAt, endedAt }: { startedAt: string; endedAt: string | null }) {
  const now = useNow()
  const end = endedAt ? Date.parse(endedAt) : now
  return (
    <span className="mono duration" aria-label="Duration">
      {formatDuration(end - Date.parse(startedAt))}
    </span>
  )
}
