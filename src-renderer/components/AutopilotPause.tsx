import { Bot, PauseCircle } from 'lucide-react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../store/store-context'

/** The one global pause, in the header while autopilot is on: every call gets drafts, not answers. */
export function AutopilotPause() {
  const { mode, paused, pause } = useAppStore(useShallow((s) => ({ mode: s.copilot?.mode, paused: s.copilot?.paused ?? false, pause: s.pauseAutopilot })))
  if (mode !== 'autopilot') return null
  return (
    <button
      type="button"
      className="button button--quiet autopilot-pause"
      aria-pressed={paused}
      title={paused ? 'Autopilot is paused: its answers come as drafts. Press to resume.' : 'Autopilot answers calls. Press to pause it for every call.'}
      onClick={() => void pause(!paused)}
    >
      {paused ? <PauseCircle size={14} aria-hidden="true" /> : <Bot size={14} aria-hidden="true" />}
      {paused ? 'Autopilot paused' : 'Autopilot on'}
      <span className="sr-only">{paused ? ' — resume' : ' — pause for every call'}</span>
    </button>
  )
}
