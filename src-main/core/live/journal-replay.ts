import type { BridgeEvent, CallInfo, Delivery, TranscriptTurn } from '../../../src-preload/contract'
import type { Journal, JournalRecord } from '../journal/journal'
import { DEFAULT_STORED_BODY_BYTES, storedBody } from '../receiver/delivery-log'
import { factsOf } from '../receiver/parse-webhook'
import type { AgentDirectory } from './agent-directory'
import type { CallBoard } from './call-board'
import type { CallEnd } from './call-outcome'
import type { DeliveryLog } from './delivery-log'
import { applyWebhook, type WebhookEnvelope } from './webhook-events'

/**
 * How much of the journal a start reads: far more than the board and the inspector keep, so start-up
 * time stays the same however many months the journal spans.
 */
export const REPLAY_RECORDS = 100_000

/**
 * Rebuilds the board from the journal so live calls and their transcripts reappear after a restart
 * or a crash, and puts the accepted deliveries back in the inspector. Streams the newest files only:
 * memory follows the board's and the delivery log's bounds, time the replay window.
 */
export async function replayJournal(
  journal: Journal,
  deps: { board: CallBoard; directory: AgentDirectory; deliveries: DeliveryLog; emit: (e: BridgeEvent) => void; now: () => string; other?: (record: JournalRecord) => void },
  /** null: the whole journal (History's archive reads it all, in the background). */
  window: number | null = REPLAY_RECORDS
): Promise<void> {
  const { board } = deps
  // Only the newest accepted deliveries fit in the inspector: keep those records, build them last.
  let recent: JournalRecord[] = []
  await journal.replay((record) => {
    const data = record.data as Record<string, unknown>
    if (record.kind === 'webhook') {
      applyWebhook(data.payload as WebhookEnvelope, deps, data.replayed === true)
      recent.push(record)
      if (recent.length > 2 * deps.deliveries.capacity) recent = recent.slice(-deps.deliveries.capacity)
    } else if (record.kind === 'line') board.addLine(data as unknown as TranscriptTurn, { persist: false })
    else if (record.kind === 'call' && !board.get(String(data.id))) board.upsert({ id: String(data.id) }, data as unknown as CallInfo)
    else if (record.kind === 'call.ended') board.end(String(data.callId), data as unknown as CallEnd, { persist: false })
    else if (record.kind === 'call.endRequested') board.noteEndRequested(String(data.callId), { persist: false })
    else if (record.kind === 'call.transferTo') board.noteTransfer(String(data.callId), String(data.number), { persist: false })
    else deps.other?.(record)
  }, window === null ? {} : { last: window })
  for (const record of recent.slice(-deps.deliveries.capacity)) deps.deliveries.record(deliveryFromJournal(record))
}

/**
 * What the journal still knows of an accepted delivery. Headers and the NDJSON lines sent back were
 * never journaled, so they stay empty; the body is the payload as parsed, enough to read and replay.
 */
function deliveryFromJournal(record: JournalRecord): Delivery {
  const data = record.data as { webhookId?: string | null; event?: string | null; channel?: string | null; payload?: WebhookEnvelope; receivedAt?: string; replayed?: boolean; unverified?: boolean }
  // The same facts the receiver read from the body when it arrived.
  const facts = factsOf((data.payload ?? {}) as Record<string, unknown>)
  return {
    id: `dlv_journal_${record.seq}`,
    receivedAt: data.receivedAt ?? record.at,
    method: 'POST',
    path: '/webhook',
    webhookId: data.webhookId ?? null,
    event: data.event ?? null,
    channel: data.channel ?? null,
    callId: facts.callId,
    conversationId: facts.conversationId,
    outcome: 'accepted',
    reason: null,
    status: 200,
    ttfbMs: null,
    replayed: data.replayed === true,
    ...(data.unverified ? { unverified: true } : {}),
    party: facts.party,
    headers: {},
    body: storedBody(Buffer.from(JSON.stringify(data.payload ?? {})), DEFAULT_STORED_BODY_BYTES),
    lines: []
  }
}
