import { Ban, CircleCheck, CloudOff, ShieldAlert } from 'lucide-react'
import type { LucideIcon } from 'lucide-react'
import type { ConnectOutcome as Outcome } from '../../store/webhooks-types'

type Words = { title: string; Icon: LucideIcon; tone: 'ok' | 'bad'; next: (port: string) => string }

/** The four things a connect can end in, each with what to do next in plain words. */
const WORDS: Record<Outcome['test'], Words> = {
  verified: {
    title: 'Verified: deliveries reach Switchboard',
    Icon: CircleCheck,
    tone: 'ok',
    next: () => 'Nothing else to do. Keep the tunnel running: calls and messages now arrive here, and the Inspector shows every delivery.'
  },
  bad_signature: {
    title: 'The test delivery arrived, but its signature did not verify',
    Icon: ShieldAlert,
    tone: 'bad',
    next: () =>
      'Either the signing secret does not match, or something between AgentPhone and this computer (a proxy, a tunnel option that re-formats or re-encodes requests) rewrote the body. Make the tunnel forward requests byte for byte, then Connect again: each registration fetches a fresh secret.'
  },
  not_arrived: {
    title: 'The test delivery did not arrive',
    Icon: CloudOff,
    tone: 'bad',
    next: (port) =>
      `The tunnel is not forwarding to the receiver. Check that it is running and forwards to port ${port} on this computer (with ngrok: ngrok http ${port}), then Connect again.`
  },
  api_refused: {
    title: 'AgentPhone refused the registration',
    Icon: Ban,
    tone: 'bad',
    next: () => "AgentPhone's own words are above. Check the URL (a public http or https address) and the API key in Settings › Connection, then Connect again."
  }
}

export function ConnectOutcome({ outcome, receiverPort }: { outcome: Outcome; receiverPort: string }) {
  const w = WORDS[outcome.test]
  return (
    <div role="status" aria-label="Connection result" className={`wh-outcome-card wh-outcome-card--${w.tone}`} data-outcome={outcome.test}>
      <p className="wh-outcome-title">
        <w.Icon size={16} aria-hidden="true" />
        {w.title}
      </p>
      <p className="wh-outcome-detail">{outcome.detail}</p>
      <p>{w.next(receiverPort)}</p>
      {outcome.webhook ? (
        <p className="muted small">
          Registered: <span className="mono">{outcome.webhook.url}</span>
        </p>
      ) : null}
    </div>
  )
}
