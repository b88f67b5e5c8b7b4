/**
 * The long-poll where it saves polling: a webhook-mode call the console tracks ends on its board
 * even when no `agent.call_ended` delivery arrives, through one `?wait=true` request held by the
 * simulator until the call ended — no poll in between.
 */
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { BridgeEvent } from '../../../src-preload/contract'
import { AgentPhoneClient } from '../../../src-main/core/agentphone/client'
import { Journal } from '../../../src-main/core/journal/journal'
import { CallBoard } from '../../../src-main/core/live/call-board'
import { AgentDirectory } from '../../../src-main/core/live/agent-directory'
import { CallTracker } from '../../../src-main/core/live/call-tracker'
import { systemClock } from '../../../src-main/core/ports'
import { loggingFetch } from '../../conformance/harness'
import type { WireRequest } from '../../conformance/harness'
import { KEY, startSim, waitFor } from './helpers'

let cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

describe('CallTracker with the long-poll', () => {
  it('ends a webhook-mode call on the board from one held GET ?wait=true, with no webhook registered', async () => {
    const h = await startSim()
    cleanup.push(() => h.sim.stop())
    const wire: WireRequest[] = []
    const api = new AgentPhoneClient({ baseUrl: h.url, apiKey: KEY, fetch: loggingFetch(wire, () => null) })
    const journal = await Journal.open({ dir: await mkdtemp(path.join(os.tmpdir(), 'sb-tracker-')), clock: systemClock })
    cleanup.push(() => journal.close())
    const events: BridgeEvent[] = []
    const board = new CallBoard((e) => events.push(e))
    const tracker = new CallTracker({ api, board, journal, directory: new AgentDirectory(async () => []), clock: systemClock, nowIso: () => new Date().toISOString() })
    cleanup.push(() => tracker.stopAll())

    const { number } = h.sim.ensureSandboxAccount(KEY)
    const { callId } = h.sim.sandbox.dial(KEY, { to: number.phoneNumber })
    const call = await api.calls.get(callId)
    board.upsert({ id: callId }, {
      agentId: call.agentId ?? null, agentName: 'Sandbox Agent', voiceMode: 'webhook', direction: 'inbound', from: call.fromNumber ?? '', to: call.toNumber ?? '',
      status: 'in-progress', startedAt: call.startedAt ?? '', endedAt: null, lastWords: null, answeredBy: 'human', waitingTurn: null
    })
    const asked = wire.length
    tracker.track(callId, false)
    h.sim.sandbox.hangup(KEY, callId)
    const ended = await waitFor(() => events.find((e) => e.event === 'call.ended'))
    expect(ended.data).toMatchObject({ id: callId, status: 'completed' })
    const polls = wire.slice(asked).filter((r) => r.path === `/v1/calls/${callId}`)
    expect(polls).toHaveLength(1)
  })
})
