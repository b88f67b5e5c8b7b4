import { Sparkles } from 'lucide-react'

/** The mark on a reply box holding a model's draft: whose it is, whether it is still coming, and the keys. */
export function DraftedBy(props: { id?: string; modelLabel: string; done: boolean }) {
  return (
    <p id={props.id} className="copilot-by small" data-copilot-draft="in-box">
      <Sparkles size={13} aria-hidden="true" /> Drafted by <span className="strong">{props.modelLabel}</span>
      {props.done ? '' : ' — writing…'}
      <span className="muted">
        {' '}
        · <kbd>Enter</kbd> sends it as is · type to edit · <kbd>Esc</kbd> clears it
      </span>
    </p>
  )
}
