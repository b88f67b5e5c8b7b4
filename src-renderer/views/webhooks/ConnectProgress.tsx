import { Check, Circle, Loader2 } from 'lucide-react'
import type { ConnectStep } from '../../store/webhooks-types'

const ORDER: ConnectStep[] = ['checking', 'registering', 'waiting']

/** The steps of a connect, so a wait of several seconds says what it is waiting for. */
export function ConnectProgress({ step, receiverPort }: { step: ConnectStep; receiverPort: string }) {
  const at = ORDER.indexOf(step)
  if (at < 0) return null
  const texts: Record<string, string> = {
    checking: 'Checking what AgentPhone has registered now…',
    registering: 'Registering with AgentPhone…',
    waiting: `Waiting for the test delivery at the receiver (port ${receiverPort})…`
  }
  return (
    <ol className="wh-steps" aria-label="Connecting" aria-live="polite">
      {ORDER.map((id, i) => {
        const state = i < at ? 'done' : i === at ? 'active' : 'pending'
        const Icon = state === 'done' ? Check : state === 'active' ? Loader2 : Circle
        return (
          <li key={id} className={`wh-step wh-step--${state}`} aria-current={state === 'active' ? 'step' : undefined}>
            <Icon size={13} aria-hidden="true" className={state === 'active' ? 'wh-spin' : undefined} />
            {texts[id]}
          </li>
        )
      })}
    </ol>
  )
}
