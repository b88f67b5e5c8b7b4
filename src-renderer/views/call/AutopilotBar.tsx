import { Bot, Hand, PauseCircle } from 'lucide-react'
import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
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
    const take = (
      <button type="button" className="button button--primary" aria-keyshortcuts="Alt+O" title="Stop autopilot on this call and answer yourself (Alt+O)" onClick={() => void takeOver(call.id)}>
        <Hand size={14} aria-hidden="true" /> Take over
      </button>
    )
    return (
      <Bar icon={Bot} on action={take}>
        <span className="strong">Autopilot</span> answers this call ({copilot.modelLabel}).
        {forming ? (
          <>
            {' '}
            About to say: <q className="copilot-quote">{forming}</q>
          </>
        ) : null}
      </Bar>
    )
  }
  if (copilot.takenOver) {
    const back = (
      <button type="button" className="button" onClick={() => void handBack(call.id)}>
        <Bot size={14} aria-hidden="true" /> Hand back to autopilot
      </button>
    )
    return (
      <Bar icon={Hand} action={back}>
        Taken over from autopilot: a person answers its turns here.
      </Bar>
    )
  }
  if (copilot.paused) return <Bar icon={PauseCircle}>Autopilot is paused for every call: its answers come as drafts for you to send.</Bar>
  return null
}

function Bar(props: { icon: LucideIcon; on?: boolean; action?: ReactNode; children: ReactNode }) {
  return (
    <div className={props.on ? 'autopilot-bar autopilot-bar--on' : 'autopilot-bar'} role="status" aria-label="Autopilot">
      <props.icon size={15} aria-hidden="true" />
      <span>{props.children}</span>
      <span className="header-spacer" />
      {props.action}
    </div>
  )
}
