import { Check, Copy } from 'lucide-react'
import { useState } from 'react'

/**
 * An AgentPhone id kept out of the way: never the label of anything, one click puts it on the
 * clipboard for a support ticket or a log search. The id itself is in the button's tooltip, and
 * shown in full if the clipboard refuses (an unfocused page, no permission).
 */
export function CopyId({ id, what }: { id: string; what: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(id)
      setState('copied')
      setTimeout(() => setState('idle'), 2000)
    } catch {
      setState('failed')
    }
  }
  return (
    <>
      <button type="button" className="button button--quiet copy-id" title={`${id} — copy the ${what} ID`} onClick={() => void copy()}>
        {state === 'copied' ? <Check size={13} aria-hidden="true" /> : <Copy size={13} aria-hidden="true" />}
        {state === 'copied' ? 'Copied' : `Copy ${what} ID`}
      </button>
      {state === 'failed' ? <span className="mono small copy-id-text">{id}</span> : null}
      <span className="sr-only" aria-live="polite">
        {state === 'copied' ? `The ${what} ID is copied` : ''}
      </span>
    </>
  )
}
