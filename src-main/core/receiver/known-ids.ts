import type { Journal } from '../journal/journal'

/** A signed body seen before, and until when a replay of it must be recognised (ms). */
export interface KnownDigest {
  digest: string
  untilMs: number
}

/** What a start-up hands the receiver so deliveries stored before a restart are still recognised. */
export interface KnownDeliveries {
  ids: string[]
  digests: KnownDigest[]
}

/**
 * The X-Webhook-IDs and signed-body digests of the newest `count` webhook records, oldest first:
 * what the receiver needs at start-up so that AgentPhone's retry of a delivery we stored just
 * before a restart (or a replay of its signed body) is answered as a duplicate. A digest counts
 * for two tolerance windows after arrival (the sender's clock may be off by one either way).
 * Reads only the journal's last files.
 */
export async function recentDeliveryKeys(journal: Pick<Journal, 'replay'>, count: number, nowMs: number, toleranceMs: number): Promise<KnownDeliveries> {
  const known: KnownDeliveries = { ids: [], digests: [] }
  await journal.replay(
    (record) => {
      const data = record.data as { webhookId?: unknown; replayed?: unknown; digest?: unknown; receivedAt?: unknown } | null
      // A replay reuses the original id; the original is what dedupe must remember.
      if (!data || data.replayed === true) return
      if (typeof data.webhookId === 'string') known.ids.push(data.webhookId)
      const untilMs = typeof data.receivedAt === 'string' ? Date.parse(data.receivedAt) + 2 * toleranceMs : NaN
      if (typeof data.digest === 'string' && untilMs > nowMs) known.digests.push({ digest: data.digest, untilMs })
    },
    { kind: 'webhook', last: count }
  )
  return known
}

/** The ids alone (see recentDeliveryKeys). */
export async function recentWebhookIds(journal: Pick<Journal, 'replay'>, count: number): Promise<string[]> {
  return (await recentDeliveryKeys(journal, count, 0, 0)).ids
}
