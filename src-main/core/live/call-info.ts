import type { CallInfo, CallStatus, TranscriptTurn } from '../../../src-preload/contract'
import type { AgentSummary } from './agent-directory'

/** The fields of an AgentPhone call object (agentphone-api.md §2.6) the console reads. */
export interface ApiCall {
  id: string
  agentId?: string | null
  fromNumber?: string | null
  toNumber?: string | null
  direction?: string | null
  status?: string | null
  startedAt?: string | null
  endedAt?: string | null
  lastTranscriptSnippet?: string | null
  transcripts?: Array<{ transcript?: string | null; response?: string | null; confidence?: number | null; createdAt?: string | null }> | null
}

const STATUSES: readonly CallStatus[] = ['ringing', 'in-progress', 'ending', 'completed', 'failed']

/** Maps an API call onto the board's shape; unknown statuses (busy, no-answer) read as failed. */
export function callInfoFromApi(call: ApiCall, agent: AgentSummary | undefined, now: string, hostedOverride = false): CallInfo {
  const status = STATUSES.includes(call.status as CallStatus) ? (call.status as CallStatus) : 'failed'
  const direction = call.direction === 'outbound' || call.direction === 'web' ? call.direction : 'inbound'
  return {
    id: call.id,
    agentId: call.agentId ?? null,
    agentName: agent?.name ?? null,
    voiceMode: hostedOverride ? 'hosted' : (agent?.voiceMode ?? null),
    direction,
    from: call.fromNumber ?? '',
    to: call.toNumber ?? '',
    status,
    startedAt: call.startedAt ?? now,
    endedAt: call.endedAt ?? null,
    lastWords: call.lastTranscriptSnippet ?? null,
    answeredBy: 'human',
    waitingTurn: null
  }
}

/** The API's transcript entries pair a caller utterance with the agent's reply. */
export function transcriptFromApi(call: ApiCall): TranscriptTurn[] {
  const lines: TranscriptTurn[] = []
  for (const t of call.transcripts ?? []) {
    const at = t.createdAt ?? call.startedAt ?? ''
    if (t.transcript) lines.push({ callId: call.id, speaker: 'caller', text: t.transcript, at, ...(t.confidence != null ? { confidence: t.confidence } : {}) })
    if (t.response) lines.push({ callId: call.id, speaker: 'agent', text: t.response, at })
  }
  return lines
}
