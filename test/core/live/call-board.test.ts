import { describe, expect, it } from 'vitest'
import type { BridgeEvent, CallInfo } from '../../../src-preload/contract'
import { CallBoard } from '../../../src-main/core/live/call-board'
import { DeliveryLog } from '../../../src-main/core/live/delivery-log'

function call(id: string, startedAt: string, extra: Partial<CallInfo> = {}): Omit<CallInfo, 'id'> & { id: string } {
  return {
    id,
    agentId: 'agent_1',
    agentName: 'Ada',
    voiceMode: 'webhook',
    direction: 'inbound',
    from: '+15550100001',
    to: '+15550100002',
    status: 'in-progress',
    startedAt,
    endedAt: null,
    lastWords: null,
    answeredBy: 'human',
    waitingTurn: null,
    ...extra
  }
}

describe('CallBoard', () => {
  it('sorts live calls waiting for a human first, the nearest deadline first', () => {
    const board = new CallBoard(() => undefined)
    for (const c of [
      call('call_a', '2026-01-01T10:00:00Z'),
      call('call_b', '2026-01-01T10:01:00Z', { waitingTurn: { turnId: 't1', deadline: '2026-01-01T10:05:30Z', transcript: 'x', claimedBy: null } }),
      call('call_c', '2026-01-01T10:02:00Z', { waitingTurn: { turnId: 't2', deadline: '2026-01-01T10:05:10Z', transcript: 'y', claimedBy: null } }),
      call('call_d', '2026-01-01T09:00:00Z', { status: 'completed' })
    ]) {
      board.upsert({ id: c.id }, c)
    }
    expect(board.list(false).map((c) => c.id)).toEqual(['call_c', 'call_b', 'call_a', 'call_d'])
    expect(board.list(true).map((c) => c.id)).toEqual(['call_c', 'call_b', 'call_a'])
  })

  it('emits started once, updated on change only, and ended once', () => {
    const events: BridgeEvent[] = []
    const board = new CallBoard((e) => events.push(e))
    const c = call('call_a', '2026-01-01T10:00:00Z')
    board.upsert({ id: c.id }, c)
    board.upsert({ id: c.id, lastWords: 'hi' })
    board.upsert({ id: c.id, lastWords: 'hi' })
    board.end(c.id, { endedAt: '2026-01-01T10:03:00Z', status: 'completed', reason: 'user_hangup' })
    board.end(c.id, { endedAt: '2026-01-01T10:04:00Z', status: 'failed' })
    // The outcome's line goes out as a transcript line, just before the end.
    expect(events.map((e) => e.event)).toEqual(['call.started', 'call.updated', 'transcript.turn', 'call.ended'])
    expect(board.get(c.id)?.endedAt).toBe('2026-01-01T10:03:00Z')
    expect(board.get(c.id)?.outcome).toEqual({ kind: 'hung_up', label: 'Caller hung up', detail: null })
  })

  it('treats an equal waiting turn as no change, and a new claim as one', () => {
    const events: BridgeEvent[] = []
    const board = new CallBoard((e) => events.push(e))
    const turn = { turnId: 't1', deadline: '2026-01-01T10:05:00Z', transcript: 'hi', claimedBy: null }
    const c = call('call_a', '2026-01-01T10:00:00Z', { waitingTurn: turn })
    board.upsert({ id: c.id }, c)
    board.upsert({ id: c.id, waitingTurn: { ...turn } })
    board.upsert({ id: c.id, waitingTurn: { ...turn, claimedBy: 'Ada' } })
    board.upsert({ id: c.id, waitingTurn: null })
    expect(events.map((e) => e.event)).toEqual(['call.started', 'call.updated', 'call.updated'])
  })

  it('keeps last words from the newest line', () => {
    const board = new CallBoard(() => undefined)
    const c = call('call_a', '2026-01-01T10:00:00Z')
    board.upsert({ id: c.id }, c)
    board.addLine({ callId: c.id, speaker: 'caller', text: 'first', at: c.startedAt })
    board.addLine({ callId: c.id, speaker: 'agent', text: 'second', at: c.startedAt })
    expect(board.get(c.id)?.lastWords).toBe('second')
    expect(board.transcript(c.id).map((l) => l.text)).toEqual(['first', 'second'])
  })
})

describe('DeliveryLog', () => {
  it('stays bounded and filters newest first', () => {
    const log = new DeliveryLog(3)
    for (let i = 0; i < 5; i++) {
      log.record({
        id: `d${i}`,
        receivedAt: `2026-01-01T10:00:0${i}Z`,
        method: 'POST',
        path: '/webhook',
        webhookId: `wh${i}`,
        event: i % 2 ? 'agent.message' : 'agent.call_ended',
        channel: 'sms',
        callId: null,
        conversationId: null,
        outcome: i === 4 ? 'refused' : 'accepted',
        reason: i === 4 ? 'bad_signature' : null,
        status: i === 4 ? 401 : 200,
        ttfbMs: 1,
        replayed: false,
        party: null,
        headers: {},
        body: `{"n":${i}}`,
        lines: []
      })
    }
    expect(log.query({}).items.map((d) => d.id)).toEqual(['d4', 'd3', 'd2'])
    expect(log.get('d0')).toBeUndefined()
    expect(log.query({ outcome: 'refused' }).items.map((d) => d.id)).toEqual(['d4'])
    expect(log.query({ text: 'bad_sig' }).total).toBe(1)
    expect(log.query({ event: 'agent.message' }).items.map((d) => d.id)).toEqual(['d3'])
  })
})
