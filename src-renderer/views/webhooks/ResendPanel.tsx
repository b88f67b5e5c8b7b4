import { LoaderCircle, PencilLine, Send } from 'lucide-react'
import { answerWords } from '../../lib/words'
import { useState } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Delivery } from '../../../src-preload/contract'
import { useAppStore } from '../../store/store-context'
import { prettyBody } from './delivery-words'

/**
 * Edit a delivery's body and send it again, signed by the core with the current webhook secret
 * (which never reaches this page): to the receiver, or to any webhook server's URL.
 */
export function ResendPanel({ delivery }: { delivery: Delivery | null }) {
  const id = delivery?.id ?? ''
  const { busy, result, resend } = useAppStore(useShallow((s) => ({ busy: s.resending === id, result: s.resendResults[id], resend: s.resendDelivery })))
  const [open, setOpen] = useState(false)
  const [body, setBody] = useState('')
  const [url, setUrl] = useState('')
  if (!open || !delivery) {
    // Enabled once the body has been fetched: editing starts from it.
    return (
      <button
        type="button"
        className="button"
        disabled={!delivery?.body}
        onClick={() => {
          setBody(prettyBody(delivery?.body ?? ''))
          setOpen(true)
        }}
      >
        <PencilLine size={13} aria-hidden="true" /> Edit and resend
      </button>
    )
  }
  return (
    <form
      className="wh-resend"
      aria-label="Edit and resend"
      onSubmit={(e) => {
        e.preventDefault()
        void resend(id, body, url)
      }}
    >
      <label className="sc-field">
        <span className="label">Body (signed again when sent)</span>
        <textarea className="input mono wh-resend-body" rows={10} spellCheck={false} value={body} onChange={(e) => setBody(e.target.value)} />
      </label>
      <label className="sc-field">
        <span className="label">Send to (empty: this console's receiver)</span>
        <input className="input mono" type="url" placeholder="http://127.0.0.1:3000/webhook" value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <div className="sc-run-actions">
        <button type="submit" className="button button--primary" disabled={busy || !body.trim()}>
          {busy ? <LoaderCircle size={13} aria-hidden="true" className="wh-spin" /> : <Send size={13} aria-hidden="true" />}
          {busy ? 'Sending…' : 'Send signed'}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
      {result ? (
        <p className="small mono" role="status">
          {result.status === null ? `Not answered: ${result.error}` : `Answered ${answerWords(result.status)}`} · {result.latencyMs === null ? '—' : `${Math.round(result.latencyMs)} ms`} · {result.url}
          {result.lines.length > 0 ? ` · heard: ${result.lines.filter((l) => l.spoken).map((l) => l.text).join(' ')}` : ''}
        </p>
      ) : null}
    </form>
  )
}
