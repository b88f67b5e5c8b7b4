import { CircleAlert, LoaderCircle, RotateCw } from 'lucide-react'

/**
 * What a list shows while it has nothing to show yet: progress on the first load, or the reason
 * it failed with a way to try again. Later reloads keep the old rows on screen instead.
 */
export function LoadState({ what, loading, error, onRetry }: { what: string; loading: boolean; error: string | null; onRetry: () => void }) {
  if (error) {
    return (
      <div className="dir-load" role="alert">
        <CircleAlert size={16} aria-hidden="true" className="dir-load-bad" />
        <span>
          Could not load {what}: {error}
        </span>
        <button type="button" className="button" onClick={onRetry} disabled={loading}>
          <RotateCw size={14} aria-hidden="true" /> Try again
        </button>
      </div>
    )
  }
  return (
    <div className="dir-load" role="status">
      <LoaderCircle size={16} aria-hidden="true" className="dir-spin" />
      <span>Loading {what}…</span>
    </div>
  )
}
