import { Construction } from 'lucide-react'
import { EmptyState } from '../components/EmptyState'
import { NAV_ITEMS } from '../components/NavBar'
import type { NavView } from '../store/types'

/** What each view not built yet will do, so the navigation never leads to a blank page. */
const PLANS: Record<Exclude<NavView, 'monitor'>, string> = {
  messages: 'Read SMS threads as they arrive, answer them, and start new conversations from any of your numbers.',
  agents: 'Create and edit agents: name, voice, webhook or hosted mode, system prompt and greeting.',
  numbers: 'Buy numbers, attach them to agents, and release the ones you no longer need (with confirmation).',
  webhooks: 'Connect your tunnel URL, prove the round trip, and inspect, verify and replay every delivery the receiver saw.',
  scenarios: 'Write or open a scenario, play it against your webhook server, and see each request, answer and latency.',
  history: 'Every call afterwards: transcripts, recordings, notes, search and export.',
  usage: 'Calls, messages and webhooks per day and per month, as charts and totals.',
  settings: 'Filler and fallback lines, deadline margin, quick replies, notifications and theme.'
}

export function PlaceholderView({ view }: { view: Exclude<NavView, 'monitor'> }) {
  const label = NAV_ITEMS.find((n) => n.view === view)?.label ?? view
  return (
    <section className="view" aria-labelledby="placeholder-heading">
      <div className="view-header">
        <h1 id="placeholder-heading">{label}</h1>
      </div>
      <EmptyState icon={Construction} title={`${label} is coming soon.`}>
        <p>{PLANS[view]}</p>
        <p className="muted">Until then, the Monitor and the Sandbox phone are fully working.</p>
      </EmptyState>
    </section>
  )
}
