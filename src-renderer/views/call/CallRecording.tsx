import { Download, FileAudio, Loader2, RotateCw } from 'lucide-react'
import { useEffect, useState } from 'react'
import type { RecordingFetch } from '../../store/recordings-slice'
import { useAppStore } from '../../store/store-context'
import { RecordingPlayer } from './RecordingPlayer'

type State = RecordingFetch | { kind: 'loading' }

/**
 * An ended call's recording, in a small player (play, pause, seek, speed) with the WAV to save. Asked for once the call has ended (a live
 * call has none yet); the audio is held as a blob: URL, released when the view closes.
 */
export function CallRecording({ callId }: { callId: string }) {
  const fetchRecording = useAppStore((s) => s.fetchRecording)
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let cancelled = false
    let url: string | null = null
    setState({ kind: 'loading' })
    void fetchRecording(callId).then((got) => {
      if (got.kind === 'audio') url = got.url
      if (cancelled) {
        if (url) URL.revokeObjectURL(url)
        return
      }
      setState(got)
    })
    return () => {
      cancelled = true
      if (url) URL.revokeObjectURL(url)
    }
  }, [callId, attempt, fetchRecording])

  return (
    <div className="call-recording" role="group" aria-label="Recording">
      <FileAudio size={14} aria-hidden="true" />
      {state.kind === 'loading' ? (
        <span className="muted small" role="status">
          <Loader2 size={13} aria-hidden="true" className="wh-spin" /> Loading the recording…
        </span>
      ) : state.kind === 'audio' ? (
        <>
          <RecordingPlayer src={state.url} />
          <a className="button button--quiet" href={state.url} download={`call-${callId}.wav`}>
            <Download size={13} aria-hidden="true" /> Save recording <span className="muted small">({Math.max(1, Math.round(state.bytes / 1024))} KB WAV)</span>
          </a>
        </>
      ) : state.kind === 'none' ? (
        <span className="muted small">No recording. (The call did not connect, or recording was off.)</span>
      ) : (
        <span className="small" role="alert">
          The recording could not be loaded: {state.message}{' '}
          <button type="button" className="button button--quiet" onClick={() => setAttempt((n) => n + 1)}>
            <RotateCw size={13} aria-hidden="true" /> Try again
          </button>
        </span>
      )}
    </div>
  )
}
