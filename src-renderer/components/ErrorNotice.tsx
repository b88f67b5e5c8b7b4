import { CircleAlert } from 'lucide-react'
import type { ReactNode } from 'react'

/** A refusal shown where the person is looking, read out at once; renders nothing without text. */
export function ErrorNotice({ children, className }: { children: ReactNode; className?: string }) {
  if (children === null || children === undefined || children === '' || children === false) return null
  return (
    <p className={`notice notice--error${className ? ` ${className}` : ''}`} role="alert">
      <CircleAlert size={14} aria-hidden="true" /> {children}
    </p>
  )
}
