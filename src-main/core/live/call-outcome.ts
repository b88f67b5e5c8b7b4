import type { CallInfo, CallOutcome, CallStatus } from '../../../src-preload/contract'

/** What ended a call, as AgentPhone reports it (agentphone-api.md §2.6, §3.3, §9.4). */
export interface CallEnd {
  /** ISO time the call ended. */
  endedAt: string
  /** AgentPhone's status: completed, failed, busy, no-answer… */
  status?: string | null
  /** AgentPhone's `disconnectionReason`: user_hangup, agent_hangup, call_transfer, dial_busy… */
  reason?: string | null
  /** The agent's `transferNumber`, for a transferred call. */
  transferTo?: string | null
}

/** Reasons AgentPhone (and the Retell platform under it) gives, by outcome. */
const BY_REASON: Record<string, CallOutcome['kind']> = {
  declined: 'declined',
  user_declined: 'declined',
  dial_declined: 'declined',
  call_rejected: 'declined',
  busy: 'busy',
  dial_busy: 'busy',
  'no-answer': 'no_answer',
  no_answer: 'no_answer',
  dial_no_answer: 'no_answer',
  voicemail: 'voicemail',
  voicemail_reached: 'voicemail',
  call_transfer: 'transferred',
  transferred: 'transferred',
  user_hangup: 'hung_up',
  agent_hangup: 'ended_by_agent',
  api_end: 'ended_by_you',
  ended_via_api: 'ended_by_you'
}

/**
 * How a call ended. The status wins for `busy` and `no-answer` (the documented statuses); then the
 * disconnection reason; an end the person asked for (the End button, or a reply that hangs up)
 * reads "ended by you" even though AgentPhone reports the agent hanging up.
 */
export function deriveOutcome(end: CallEnd, direction: CallInfo['direction'], endedByYou: boolean): CallOutcome {
  const status = end.status?.toLowerCase() ?? null
  const reason = end.reason?.toLowerCase() ?? null
  let kind: CallOutcome['kind'] =
    status === 'busy' ? 'busy' : status === 'no-answer' || status === 'no_answer' ? 'no_answer' : (reason ? BY_REASON[reason] : undefined) ?? (status === 'failed' ? 'failed' : 'completed')
  if (endedByYou && (kind === 'ended_by_agent' || kind === 'completed')) kind = 'ended_by_you'
  const detail = kind === 'transferred' ? (end.transferTo ?? null) : kind === 'failed' ? humanReason(reason) : null
  return { kind, label: outcomeLabel(kind, direction, detail), detail }
}

/** The board's status for an outcome: calls that never connected (or broke) read as failed. */
export function statusForOutcome(kind: CallOutcome['kind']): CallStatus {
  return kind === 'declined' || kind === 'no_answer' || kind === 'busy' || kind === 'failed' ? 'failed' : 'completed'
}

function outcomeLabel(kind: CallOutcome['kind'], direction: CallInfo['direction'], detail: string | null): string {
  switch (kind) {
    case 'declined':
      return 'Declined'
    case 'no_answer':
      return 'No answer'
    case 'busy':
      return 'Busy'
    case 'voicemail':
      return 'Reached voicemail'
    case 'failed':
      return detail ? `Failed: ${detail}` : 'Failed'
    case 'transferred':
      return detail ? `Transferred to ${detail}` : 'Transferred'
    case 'hung_up':
      return direction === 'outbound' ? 'Called party hung up' : 'Caller hung up'
    case 'ended_by_you':
      return 'Ended by you'
    case 'ended_by_agent':
      return 'Ended by the agent'
    case 'completed':
      return 'Ended'
  }
}

/** `dial_failed` → "dial failed"; no reason → "no reason given". */
function humanReason(reason: string | null): string {
  return reason ? reason.replace(/^error_/, '').replace(/[_-]+/g, ' ') : 'no reason given'
}
