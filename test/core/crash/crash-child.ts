/**
 * The process the crash test kills: the real journal and receiver on port 0 over the data folder
 * given as argv[2]. It prints `{"port":N}` once listening, seeds the duplicate window from the
 * journal as the session does, and closes cleanly on SIGTERM. Built to plain JS by crash-build.ts.
 */
import { Journal } from '../../../src-main/core/journal/journal'
import { systemClock } from '../../../src-main/core/ports'
import { createReceiver, recentWebhookIds } from '../../../src-main/core/receiver/receiver'
import { TurnBroker } from '../../../src-main/core/turns/turn-broker'

const dir = process.argv[2]
const secret = process.argv[3]
if (!dir || !secret) throw new Error('usage: crash-child <dataDir> <secret>')

const journal = await Journal.open({ dir, clock: systemClock })
const broker = new TurnBroker({
  clock: systemClock,
  config: () => ({ fillerEnabled: true, fillerText: '…', fallbackText: 'fallback', turnTimeoutMs: 30_000, deadlineMarginMs: 2_000, maxOpenTurns: 10 }),
  onEvent: () => undefined
})
const receiver = createReceiver({
  clock: systemClock,
  secrets: () => [secret],
  journal,
  broker,
  knownIds: await recentWebhookIds(journal, 10_000),
  onAccepted: () => undefined,
  onDelivery: () => undefined
})
await receiver.start()
process.stdout.write(`${JSON.stringify({ port: receiver.port })}\n`)

process.on('SIGTERM', () => {
  void receiver
    .stop()
    .then(() => journal.close())
    .then(() => process.exit(0))
})
