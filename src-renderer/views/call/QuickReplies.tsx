import { Zap } from 'lucide-react'
import { useAppStore } from '../../store/store-context'

/** Alt+1…Alt+9 reach the first nine; any more are still buttons. */
export const QUICK_KEYS = 9

/**
 * The quick replies from Settings as one-press answers. With a turn waiting a press sends the line
 * as the answer (honouring "Hang up after speaking"); with none it goes into the reply box.
 */
export function QuickReplies(props: { replies: string[]; disabled: boolean; onPick: (text: string) => void }) {
  const openSettings = useAppStore((s) => s.openSettings)
  if (props.replies.length === 0) {
    return (
      <p className="quick-empty muted small">
        <Zap size={13} aria-hidden="true" /> No quick replies yet.{' '}
        <button type="button" className="link-button" onClick={() => openSettings('quick-replies')}>
          Add some in Settings
        </button>
      </p>
    )
  }
  return (
    <div className="quick-replies" role="group" aria-label="Quick replies">
      {props.replies.map((text, i) => {
        const key = i < QUICK_KEYS ? `Alt+${i + 1}` : undefined
        return (
          <button
            key={`${i}:${text}`}
            type="button"
            className="button quick-reply"
            disabled={props.disabled}
            aria-label={`Quick reply ${i + 1}: ${text}`}
            aria-keyshortcuts={key}
            title={key ? `${text} (${key})` : text}
            onClick={() => props.onPick(text)}
          >
            {key ? <kbd aria-hidden="true">{i + 1}</kbd> : null}
            <span className="quick-text">{text}</span>
          </button>
        )
      })}
    </div>
  )
}
