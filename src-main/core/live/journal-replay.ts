import type { BridgeEvent, CallInfo, TranscriptTurn } from '../../../src-preload/contract'
import type { Journal } from '../journal/journal'
import type { AgentDirectory } from './agent-directory'
import type { CallBoard } from './call-board'
import { applyWebhook, type WebhookEnvelope } from './webhook-events'

/**
 * Rebuilds the board from the journal so live calls and their transcripts reappear after a restart
 * or a crash. Streams the files: memory follows the board's bounds, not the journal's length.
 */
export async function replayJournal(
  journal: Journal,
  deps: { board: CallBoard; directory: AgentDirectory; emit: (e: BridgeEvent) => void; now: () => string }
): Promise<void> {
  const { board } = deps
  await journal.replay((record) => {
    const data = record.data as Record<string, unknown>
    if (record.kind === 'webhook') applyWebhook(data.payload as WebhookEnvelope, deps)
    else if (record.kind === 'line') board.addLine(data as unknown as TranscriptTurn)
    else if (record.kind === 'call' && !board.get(String(data.id))) board.upsert({ id: String(data.id) }, data as unknown as CallInfo)
  })
}
