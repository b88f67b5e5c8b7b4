import type { LucideIcon } from 'lucide-react'
import type { ReactNode } from 'react'

/** Every empty view says what it is for and what to do next. */
export function EmptyState({ icon: Icon, title, children }: { icon: LucideIcon; title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <Icon size={28} aria-hidden="true" className="empty-icon" />
      <p className="empty-title">{title}</p>
      {children ? <div className="empty-body">{children}</div> : null}
    </div>
  )
}
