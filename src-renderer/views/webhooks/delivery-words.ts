import type { DeliverySummary } from '../../../src-preload/contract'

/** The receiver's outcome in the words the inspector uses: "accepted" means the signature verified. */
export const OUTCOME_WORD: Record<DeliverySummary['outcome'], string> = {
  accepted: 'Verified',
  refused: 'Refused',
  duplicate: 'Duplicate'
}

/** `bad_signature` → "bad signature": the receiver's reason codes, readable. */
export function reasonWords(reason: string | null): string {
  return reason ? reason.replace(/_/g, ' ') : ''
}

export function outcomeText(d: DeliverySummary): string {
  const reason = d.outcome === 'refused' ? reasonWords(d.reason) : ''
  return reason ? `${OUTCOME_WORD[d.outcome]}: ${reason}` : OUTCOME_WORD[d.outcome]
}

/** The call or conversation a delivery belongs to, whichever it has. */
export function subjectId(d: DeliverySummary): string {
  return d.callId ?? d.conversationId ?? ''
}

export function formatTtfb(ms: number | null): string {
  if (ms === null) return '—'
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** A screen reader's whole row in one sentence, since the columns are visual only. */
export function deliveryLabel(d: DeliverySummary, time: string): string {
  const parts = [time, d.event ?? 'no event', d.channel ?? 'no channel']
  const subject = subjectId(d)
  if (subject) parts.push(subject)
  parts.push(outcomeText(d))
  if (d.replayed) parts.push('replayed')
  if (d.unverified) parts.push('unverified')
  parts.push(d.status ? `HTTP ${d.status}` : 'no answer yet')
  return parts.join(', ')
}

/** JSON bodies are easier to read indented; anything else (a refused, malformed body) is shown as sent. */
export function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}
