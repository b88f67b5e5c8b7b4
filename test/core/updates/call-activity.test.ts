/** What holds an update restart back, counted from the session host's events and lists. */
import { describe, expect, it } from 'vitest'
import type { CallInfo } from '../../../src-preload/contract'
import { trackCallActivity } from '../../../src-main/core/updates/call-activity'
import { fakeSession } from '../../server/helpers/fake-session'

function call(id: string, status: CallInfo['status']): CallInfo {
  return { id, agentId: null, agentName: null, voiceMode: null, direction: 'inbound', from: '+15550100001', to: '+15550100002', status, startedAt: new Date(0).toISOString(), endedAt: null, lastWords: null, answeredBy: 'human', waitingTurn: null }
}

describe('call activity', () => {
  it('counts live calls and waiting turns, and reads them again when the session restarts', async () => {
    let lists = { calls: [call('c0', 'in-progress'), call('c9', 'completed')], turns: [] as Array<{ turnId: string }> }
    const host = fakeSession((method) => {
      if (method === 'calls.list') return { ok: true, value: { items: lists.calls, total: lists.calls.length } }
      if (method === 'turns.list') return { ok: true, value: { items: lists.turns } }
      return { ok: false, error: { code: 'unknown_method', message: method } }
    })
    const activity = trackCallActivity(host)
    let changes = 0
    activity.onChange(() => changes++)
    await activity.ready
    expect(host.invoke).toHaveBeenCalledWith('calls.list', { live: true, limit: 100 })
    expect(activity.busyReason()).toBe('a call is live')

    host.emit({ event: 'call.started', data: call('c1', 'ringing') })
    expect(activity.busyReason()).toBe('2 calls are live')
    host.emit({ event: 'turn.opened', data: { turnId: 't1', callId: 'c1', transcript: 'hello', deadline: new Date(0).toISOString() } })
    expect(activity.busyReason()).toBe('2 calls are live and a caller is waiting for an answer')
    host.emit({ event: 'turn.closed', data: { turnId: 't1', callId: 'c1', outcome: 'replied' } })
    host.emit({ event: 'call.ended', data: call('c1', 'completed') })
    host.emit({ event: 'call.updated', data: call('c0', 'failed') })
    expect(activity.busyReason()).toBeNull()
    expect(changes).toBeGreaterThanOrEqual(5)

    // A mode switch: the new core has its own calls.
    lists = { calls: [], turns: [{ turnId: 't7' }, { turnId: 't8' }] }
    host.emit({ event: 'app.status', data: {} as never })
    await new Promise((r) => setTimeout(r, 0))
    expect(activity.busyReason()).toBe('2 callers are waiting for an answer')
    activity.dispose()
    expect(host.listenerCount()).toBe(0)
  })
})
