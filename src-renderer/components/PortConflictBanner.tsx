import { TriangleAlert } from 'lucide-react'
import { useState } from 'react'
import type { AppStatus } from '../../src-preload/contract'
import { useAppStore } from '../store/store-context'

type Conflict = NonNullable<AppStatus['portConflict']>

/**
 * Live mode could not take the receiver's port (the tunnel forwards there) and the core did not
 * move it behind the person's back. The choices: free the port and try again, or move the receiver
 * to a free port (and then point the tunnel there).
 */
export function PortConflictBanner({ conflict, notice }: { conflict: Conflict; notice: string | null }) {
  const configure = useAppStore((s) => s.configure)
  const switchMode = useAppStore((s) => s.switchMode)
  const busy = useAppStore((s) => s.connectionBusy)
  const [error, setError] = useState<string | null>(null)

  const retry = async (): Promise<void> => setError(await switchMode('live'))
  const move = async (port: number): Promise<void> => {
    const refused = await configure({ receiverPort: port }, `Moving the receiver to port ${port}…`)
    setError(refused ?? (await switchMode('live')))
  }

  return (
    <div role="alert" className="banner banner--danger banner--choices">
      <TriangleAlert size={15} aria-hidden="true" />
      <span>{notice ?? `Live mode could not start: port ${conflict.port} is taken.`}</span>
      <span className="banner__actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void retry()}>
          Port {conflict.port} is free now: try live again
        </button>
        {conflict.suggestion !== null ? (
          <button type="button" className="button" disabled={busy !== null} onClick={() => void move(conflict.suggestion!)}>
            Use port {conflict.suggestion} and go live
          </button>
        ) : null}
      </span>
      {error ? <span className="banner__error">{error}</span> : null}
    </div>
  )
}
