import { CircleAlert, Hash, PhoneForwarded, PhoneOff, Sparkles } from 'lucide-react'
import type { CopilotAction } from '../../../src-preload/contract'
import { DraftedBy } from '../../components/DraftedBy'
import type { CallCopilot } from './use-call-copilot'

const ACTION_WORDS: Record<CopilotAction['type'], string> = {
  transfer: 'Transfer the caller',
  hangup: 'Say it and hang up',
  digits: 'Press the keys'
}
const ACTION_ICON = { transfer: PhoneForwarded, hangup: PhoneOff, digits: Hash } as const

/**
 * What the copilot has for this turn, under the reply box: whose draft is in the box, a draft
 * offered beside the person's own text, a failure in plain words, and an action the model proposed
 * (in suggest mode only a button: nothing happens until the person presses it).
 */
export function CopilotNote(props: { callId: string; copilot: CallCopilot; onUse: () => void; onAction: (action: CopilotAction) => void }) {
  const { inBox, beside, draft, autopilot } = props.copilot
  const proposal = draft?.done && draft.action && !draft.autopilot ? draft.action : null
  if (!inBox && !beside && !draft?.error && !proposal) return null
  const ActionIcon = proposal ? ACTION_ICON[proposal.type] : null
  return (
    <div className="copilot-note" id={`copilot-note-${props.callId}`}>
      {inBox ? <DraftedBy modelLabel={inBox.modelLabel} done={inBox.done} /> : null}
      {beside ? (
        <p className="copilot-by small" data-copilot-draft="beside">
          <Sparkles size={13} aria-hidden="true" /> <span className="strong">{beside.modelLabel}</span> drafted: <q className="copilot-quote">{beside.text}</q>{' '}
          <button type="button" className="button button--quiet" onClick={props.onUse}>
            Use this draft instead
          </button>
        </p>
      ) : null}
      {draft?.error ? (
        <p className="notice notice--error" role="alert">
          <CircleAlert size={14} aria-hidden="true" /> Copilot: {draft.error}{' '}
          {autopilot || draft.autopilot ? 'Answer yourself, or the fallback line speaks at the deadline.' : 'The turn is yours to answer.'}
        </p>
      ) : null}
      {proposal && ActionIcon ? (
        <p className="copilot-by small">
          <span className="muted">{draft?.modelLabel} proposes:</span>{' '}
          <button type="button" className="button" onClick={() => props.onAction(proposal)}>
            <ActionIcon size={14} aria-hidden="true" /> {ACTION_WORDS[proposal.type]}
            {proposal.type === 'digits' ? <span className="mono"> {proposal.digits}</span> : null}
          </button>
        </p>
      ) : null}
    </div>
  )
}
