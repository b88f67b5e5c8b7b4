import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BridgeEvent } from '../../../src-preload/contract'
import { Journal } from '../../../src-main/core/journal/journal'
import { AgentDirectory } from '../../../src-main/core/live/agent-directory'
import { CallBoard } from '../../../src-main/core/live/call-board'
import { DeliveryLog } from '../../../src-main/core/live/delivery-log'
import { replayJournal } from '../../../src-main/core/live/journal-replay'
import { systemClock } from '../../../src-main/core/ports'

describe('journal replay', () => {
  it('rebuilds calls and the inspector from the newest records only', async () => {
    const journal = await Journal.open({ dir: await mkdtemp(path.join(os.tmpdir(), 'sb-replay-')), clock: systemClock, maxFileBytes: 4096 })
    for (let i = 0; i < 40; i++) {
      const payload = { event: 'agent.message', channel: 'voice', agentId: 'agent_1', timestamp: new Date().toISOString(), data: { callId: `call_${i}`, transcript: `line ${i}`, from: '+15550100001', to: '+15550100002' } }
      await journal.append('webhook', { webhookId: `wh_${i}`, event: 'agent.message', channel: 'voice', payload, receivedAt: new Date().toISOString(), replayed: false })
    }
    const events: BridgeEvent[] = []
    const board = new CallBoard((e) => events.push(e))
    const deliveries = new DeliveryLog()
    const directory = new AgentDirectory(async () => [])
    await replayJournal(journal, { board, directory, deliveries, emit: () => undefined, now: () => new Date().toISOString() }, 10)
    await journal.close()

    expect(board.list(false).map((c) => c.id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `call_${30 + i}`).sort())
    expect(board.transcript('call_39').map((l) => l.text)).toEqual(['line 39'])
    const page = deliveries.query({ limit: 100 })
    expect(page.total).toBe(10)
    expect(page.items[0]).toMatchObject({ outcome: 'accepted', callId: expect.stringMatching(/^call_3\d$/), webhookId: expect.stringMatching(/^wh_3\d$/) })
  })
})
