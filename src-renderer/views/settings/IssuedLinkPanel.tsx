import { Check, Copy } from 'lucide-react'
import { useRef, useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useAppStore } from '../../store/store-context'

/**
 * The link just issued or rotated, shown once: the hub keeps only a hash of its token, so once
 * this is dismissed the way to a working link is a new one.
 */
export function IssuedLinkPanel() {
  const { issued, dismiss } = useAppStore(useShallow((s) => ({ issued: s.issued, dismiss: s.dismissIssued })))
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null)
  const input = useRef<HTMLInputElement>(null)
  if (!issued) return null
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(issued.link)
      setCopied('yes')
    } catch {
      // No clipboard on a plain-http page reached over the network: select it for Ctrl+C instead.
      input.current?.select()
      setCopied('select')
    }
  }
  return (
    <div className="team-issued" role="region" aria-label={`Link for ${issued.name}`}>
      <span>
        <span className="strong">{issued.rotated ? `${issued.name}’s new link` : `${issued.name}’s link`}</span>{' '}
        <span className="muted">— copy it now and send it to them privately; it is shown only this once.</span>
      </span>
      <input ref={input} className="input" readOnly value={issued.link} aria-label={`Personal link for ${issued.name}`} onFocus={(e) => e.target.select()} />
      <div className="team-actions">
        <span className="muted small" role="status">
          {copied === 'yes' ? 'Copied.' : copied === 'select' ? 'Selected: press Ctrl+C (⌘C) to copy.' : ''}
        </span>
        <button type="button" className="button" onClick={() => void copy()}>
          {copied === 'yes' ? <Check size={14} aria-hidden="true" /> : <Copy size={14} aria-hidden="true" />} Copy link
        </button>
        <button type="button" className="button button--quiet" onClick={dismiss}>
          Done
        </button>
      </div>
    </div>
  )
}
