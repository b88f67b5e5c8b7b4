import { CircleAlert, CircleCheck, Hash, MessageSquare, PhoneCall, Webhook } from 'lucide-react'
import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'
import type { UsageSummary } from './usage-data'

/** Unknown (the API did not send it) reads as a dash, never as a misleading zero. */
const n = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en-US'))

function Card({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children: ReactNode }) {
  return (
    <section className="usage-card" aria-label={title}>
      <h2 className="usage-card-title">
        <Icon size={14} aria-hidden="true" /> {title}
      </h2>
      <dl className="usage-stats">{children}</dl>
    </section>
  )
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'ok' | 'bad' }) {
  return (
    <div className={`usage-stat${tone ? ` usage-stat--${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd className="mono">{value}</dd>
    </div>
  )
}

/** The totals of `usage.summary`, compact: four cards, each a few labelled numbers. */
export function StatGrid({ summary }: { summary: UsageSummary }) {
  const { numbers, stats } = summary
  const failed = stats.failedWebhookDeliveries
  return (
    <div className="usage-grid">
      <Card icon={Hash} title="Numbers">
        <Stat label="Used" value={numbers.limit === null ? n(numbers.used) : `${n(numbers.used)} / ${n(numbers.limit)}`} />
        <Stat label="Remaining" value={n(numbers.remaining)} />
      </Card>
      <Card icon={PhoneCall} title="Calls">
        <Stat label="24 h" value={n(stats.callsLast24h)} />
        <Stat label="7 d" value={n(stats.callsLast7d)} />
        <Stat label="30 d" value={n(stats.callsLast30d)} />
      </Card>
      <Card icon={MessageSquare} title="Messages">
        <Stat label="24 h" value={n(stats.messagesLast24h)} />
        <Stat label="7 d" value={n(stats.messagesLast7d)} />
        <Stat label="30 d" value={n(stats.messagesLast30d)} />
      </Card>
      <Card icon={Webhook} title="Webhook deliveries">
        <div className="usage-stat usage-stat--ok">
          <dt>
            <CircleCheck size={12} aria-hidden="true" /> OK
          </dt>
          <dd className="mono">{n(stats.successfulWebhookDeliveries)}</dd>
        </div>
        <div className={`usage-stat${failed ? ' usage-stat--bad' : ''}`}>
          <dt>
            <CircleAlert size={12} aria-hidden="true" /> Failed
          </dt>
          <dd className="mono">{n(failed)}</dd>
        </div>
        <Stat label="Total" value={n(stats.totalWebhookDeliveries)} />
      </Card>
    </div>
  )
}
