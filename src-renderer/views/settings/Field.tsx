import { useId } from 'react'
import type { InputHTMLAttributes, ReactNode } from 'react'

type Props = {
  label: string
  error?: string | undefined
  hint?: ReactNode
  /** A textarea for lines people read aloud to callers; an input otherwise. */
  multiline?: boolean
  value: string
  onValue: (v: string) => void
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>

/** A labelled field whose error and hint are tied to it, so a screen reader reads them with it. */
export function Field({ label, error, hint, multiline, value, onValue, className, ...rest }: Props) {
  const id = useId()
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined
  const common = { id, value, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy }
  return (
    <div className={`st-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onValue(e.target.value)} />
      ) : (
        <input {...rest} {...common} onChange={(e) => onValue(e.target.value)} />
      )}
      {hint ? (
        <span id={`${id}-hint`} className="muted small">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="st-error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  )
}

/** The result of a section's save, in words: saved (a status) or refused (an alert). */
export function SaveResult({ result }: { result: { ok: boolean; text: string } | null }) {
  if (!result) return null
  return result.ok ? (
    <span className="st-saved" role="status">
      {result.text}
    </span>
  ) : (
    <span className="st-error" role="alert">
      {result.text}
    </span>
  )
}
