import { Bot, Hand, PauseCircle } from 'lucide-react'
import type { CallInfo } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import type { CallCopilot } from './use-call-copilot'

/**
 * Above the reply box while the copilot is in autopilot: who answers this call (the model, or the
 * person who took over), what the model is about to say, and Take over (Alt+O) to stop it at once.
 */
export function AutopilotBar({ call, copilot }: { call: CallInfo; copilot: CallCopilot }) {
  const takeOver = useAppStore((s) => s.takeOver)
  const handBack = useAppStore((s) => s.handBack)
  if (copilot.mode !== 'autopilot') return null
  if (copilot.autopilot) {
    const forming = copilot.draft?.autopilot ? copilot.draft.text : ''
    return (
      <div className="autopilot-bar autopilot-bar--on" role="status" aria-label="Autopilot">
        <Bot size={15} aria-hidden="true" />
        <span>
          <span className="strong">Autopilot</span> answers this call ({copilot.modelLabel}).
          {forming ? (
            <>
              {' '}
              About to say: <q className="copilot-quote">{forming}</q>
            </>
          ) : null}
        </span>
        <span className="header-spacer" />
        <button type="button" className="button button--primary" aria-keyshortcuts="Alt+O" title="Stop autopilot on this call and answer yourself (Alt+O)" onClick={() => void takeOver(call.id)}>
          <Hand size={14} aria-hidden="true" /> Take over
        </button>
      </div>
    )
  }
  if (copilot.takenOver) {
    return (
      <div className="autopilot-bar" role="status" aria-label="Autopilot">
        <Hand size={15} aria-hidden="true" />
        <span>You took this call over from autopilot: you answer its turns.</span>
        <span className="header-spacer" />
        <button type="button" className="button" onClick={() => void handBack(call.id)}>
          <Bot size={14} aria-hidden="true" /> Hand back to autopilot
        </button>
      </div>
    )
  }
  if (copilot.paused) {
    return (
      <div className="autopilot-bar" role="status" aria-label="Autopilot">
        <PauseCircle size={15} aria-hidden="true" />
        <span>Autopilot is paused for every call: its answers come as drafts for you to send.</span>
      </div>
    )
  }
  return null
}
