import { Lock } from 'lucide-react'
import { EmptyState } from './EmptyState'

/**
 * What an operator sees at an admin's view (reached by its address or a `g` shortcut): why it is
 * not there and who can help, instead of a view whose every action the hub would refuse.
 */
export function AdminOnlyView({ label, name }: { label: string; name: string }) {
  return (
    <section className="view" aria-labelledby="admin-only-heading">
      <div className="view-header">
        <h1 id="admin-only-heading">{label}</h1>
      </div>
      <EmptyState icon={Lock} title={`${label} is for this hub’s admins.`}>
        <p>
          {name}, your link is an operator’s: you answer calls and texts, and read the board, agents, numbers, history
          and usage. Ask an admin if you need {label} too.
        </p>
      </EmptyState>
    </section>
  )
}
