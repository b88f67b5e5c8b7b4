import { formatDuration } from '../lib/format'
import { useNow } from '../lib/use-now'

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
