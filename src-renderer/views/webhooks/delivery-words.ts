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

/** What a delivery was, in words: "Caller spoke", "Text", "Call ended"; the event name otherwise. */
export function eventWords(d: Pick<DeliverySummary, 'event' | 'channel'>): string {
  if (d.event === 'agent.message') return d.channel === 'voice' ? 'Caller spoke' : d.channel === 'sms' ? 'Text' : 'Message'
  if (d.event === 'agent.call_ended') return 'Call ended'
  if (d.event === 'agent.reaction') return 'Reaction'
  if (d.event === 'test' || d.event === 'webhook.test') return 'Test delivery'
  return d.event ?? '—'
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
  const parts = [time, eventWords(d), d.channel ?? 'no channel']
  const subject = d.party ?? subjectId(d)
  if (subject) parts.push(subject)
  parts.push(outcomeText(d))
  if (d.replayed) parts.push('replayed')
  if (d.unverified) parts.push('unverified')
  parts.push(d.status ? `answered ${d.status}` : 'no answer yet')
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
