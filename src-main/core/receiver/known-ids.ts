import type { Journal } from '../journal/journal'

/**
 * The X-Webhook-IDs of the newest `count` webhook records, oldest first: what `Receiver.seedIds`
 * (or the `knownIds` option) needs at start-up so that AgentPhone's retry of a delivery we stored
 * just before a restart is answered as a duplicate. Reads only the journal's last files.
 */
export async function recentWebhookIds(journal: Pick<Journal, 'replay'>, count: number): Promise<string[]> {
  const ids: string[] = []
  await journal.replay(
    (record) => {
      const data = record.data as { webhookId?: unknown; replayed?: unknown } | null
      // A replay reuses the original id; the original is what dedupe must remember.
      if (data && typeof data.webhookId === 'string' && data.replayed !== true) ids.push(data.webhookId)
    },
    { kind: 'webhook', last: count }
  )
  return ids
}
