import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, CallInfo, Delivery, OpenTurn, TranscriptTurn } from '../../../src-preload/contract'
import { memorySecrets, memoryStore, systemClock, type Clock } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import type { SessionOptions } from '../../../src-main/core/session-types'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { fakeClock } from '../../server/helpers/fake-clock'
import { EventRecorder } from './events'
import { ok } from '../../helpers/bridge-result'

const undo: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const u of undo.splice(0).reverse()) await u()
})

async function start(dir: string, extra: Partial<SessionOptions> = {}) {
  const session = await startSession({ mode: 'sandbox', dataDir: dir, settings: memoryStore(), ...extra })
  undo.push(() => session.stop())
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  return { session, recorder }
}

async function detail(session: Session, callId: string): Promise<{ call: CallInfo; transcript: TranscriptTurn[] }> {
  return ok(await session.invoke('calls.get', { callId })) as { call: CallInfo; transcript: TranscriptTurn[] }
}

const tempDir = () => mkdtemp(path.join(os.tmpdir(), 'sb-call-history-'))

describe('history does not change after the fact', () => {
  it('replaying a delivery of an ended call adds no line and opens no turn, before or after a restart', async () => {
    const dir = await tempDir()
    const { session, recorder } = await start(dir)
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    const { callId } = ok(await session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })) as { callId: string }
    ok(await session.invoke('sandbox.say', { callId, text: 'Is the shop open?' }))
    const opened = await recorder.waitFor('turn.opened', (t) => t.callId === callId)
    ok(await session.invoke('turns.reply', { turnId: opened.turnId, text: 'Until six.' }))
    await recorder.waitFor('turn.closed', (t) => t.turnId === opened.turnId)
    ok(await session.invoke('sandbox.hangup', { callId }))
    const before = await detail(session, callId)
    expect(before.call.status).toBe('completed')

    const voice = (ok(await session.invoke('webhooks.deliveries', { event: 'agent.message', channel: 'voice' })) as { items: Delivery[] }).items[0]!
    const replayed = ok(await session.invoke('webhooks.replay', { deliveryId: voice.id })) as Delivery
    expect(replayed).toMatchObject({ outcome: 'accepted', replayed: true, reason: 'call_not_live' })
    expect(recorder.of('turn.opened')).toHaveLength(1)
    expect(ok(await session.invoke('turns.list', {}))).toEqual({ items: [] as OpenTurn[] })
    expect(await detail(session, callId)).toEqual(before)

    await session.stop()
    const again = await start(dir)
    const after = await detail(again.session, callId)
    expect(after.transcript).toEqual(before.transcript)
    expect(after.call.waitingTurn).toBeNull()
    expect(after.call.outcome).toEqual(before.call.outcome)
  })

  it('replays a refused delivery only when confirmed, and marks it unverified, also in the journal', async () => {
    const dir = await tempDir()
    const { session } = await start(dir)
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    const body = JSON.stringify({ event: 'agent.message', channel: 'sms', agentId: 'agt_x', timestamp: new Date().toISOString(), data: { messageId: 'msg_forged', from: '+15550100123', to: status.sandbox!.number.phoneNumber, message: 'unsigned', direction: 'inbound' } })
    const res = await fetch(status.receiverUrl, { method: 'POST', body, headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(401)
    const refused = (ok(await session.invoke('webhooks.deliveries', { outcome: 'refused' })) as { items: Delivery[] }).items[0]!

    const asked = await session.invoke('webhooks.replay', { deliveryId: refused.id })
    expect(asked.ok).toBe(false)
    if (!asked.ok) expect(asked.error).toMatchObject({ code: 'needs_confirmation', message: expect.stringContaining('missing_signature') })
    const replayed = ok(await session.invoke('webhooks.replay', { deliveryId: refused.id, allowUnverified: true })) as Delivery
    expect(replayed).toMatchObject({ outcome: 'accepted', replayed: true, unverified: true })

    await session.stop()
    const again = await start(dir)
    // The core searches the bodies; the list itself carries summaries.
    const rebuilt = (ok(await again.session.invoke('webhooks.deliveries', { text: 'msg_forged', outcome: 'accepted' })) as { items: Delivery[] }).items
    expect(rebuilt).toHaveLength(1)
    expect(rebuilt[0]).toMatchObject({ replayed: true, unverified: true })
  })
})

describe('how a call ended is a line in its transcript and a field of every call', () => {
  it('says "Caller hung up", "Declined", "Ended by you" and "Transferred to …", and keeps them across a restart', async () => {
    const dir = await tempDir()
    const { session, recorder } = await start(dir)
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    const agentId = status.sandbox!.agent.id
    const line = status.sandbox!.number.phoneNumber

    const { callId: hungUp } = ok(await session.invoke('sandbox.dial', { to: line })) as { callId: string }
    ok(await session.invoke('sandbox.hangup', { callId: hungUp }))

    const declined = (ok(await session.invoke('calls.place', { agentId, toNumber: '+14155550134', initialGreeting: 'Hi, this is the clinic.' })) as CallInfo).id
    ok(await session.invoke('sandbox.decline', { callId: declined }))

    const endedByYou = (ok(await session.invoke('calls.place', { agentId, toNumber: '+14155550135', initialGreeting: 'Hi, this is the clinic.' })) as CallInfo).id
    ok(await session.invoke('sandbox.answer', { callId: endedByYou }))
    ok(await session.invoke('calls.end', { callId: endedByYou }))
    await recorder.waitFor('call.ended', (c) => c.id === endedByYou)

    ok(await session.invoke('agents.update', { agentId, transferNumber: '+14155550199' }))
    const { callId: transferred } = ok(await session.invoke('sandbox.dial', { to: line })) as { callId: string }
    ok(await session.invoke('sandbox.say', { callId: transferred, text: 'A person, please.' }))
    const turn = await recorder.waitFor('turn.opened', (t) => t.callId === transferred)
    ok(await session.invoke('turns.reply', { turnId: turn.turnId, text: 'Putting you through.', action: 'transfer' }))
    await recorder.waitFor('call.ended', (c) => c.id === transferred)

    const { callId: hungUpByReply } = ok(await session.invoke('sandbox.dial', { to: line })) as { callId: string }
    ok(await session.invoke('sandbox.say', { callId: hungUpByReply, text: 'That is all.' }))
    const last = await recorder.waitFor('turn.opened', (t) => t.callId === hungUpByReply)
    ok(await session.invoke('turns.reply', { turnId: last.turnId, text: 'Goodbye!', hangup: true }))
    await recorder.waitFor('call.ended', (c) => c.id === hungUpByReply)

    const expected: Record<string, string> = {
      [hungUp]: 'Caller hung up',
      [declined]: 'Declined',
      [endedByYou]: 'Ended by you',
      [transferred]: 'Transferred to +14155550199',
      [hungUpByReply]: 'Ended by you'
    }
    const check = async (s: Session): Promise<void> => {
      const list = (ok(await s.invoke('calls.list', {})) as { items: CallInfo[] }).items
      for (const [id, label] of Object.entries(expected)) {
        expect(list.find((c) => c.id === id)?.outcome?.label).toBe(label)
        const { transcript } = await detail(s, id)
        expect(transcript.at(-1)).toMatchObject({ speaker: 'system', source: 'outcome', text: label })
        expect(transcript.filter((l) => l.speaker === 'system')).toHaveLength(1)
      }
      // The outbound call's greeting is in its transcript once answered; the declined one never spoke.
      expect((await detail(s, endedByYou)).transcript.map((l) => [l.speaker, l.text, l.source])).toContainEqual(['agent', 'Hi, this is the clinic.', 'greeting'])
      expect((await detail(s, declined)).transcript.map((l) => l.text)).toEqual(['Declined'])
    }
    await check(session)
    expect(recorder.of('call.ended').find((c) => c.id === declined)?.status).toBe('failed')

    await session.stop()
    const again = await start(dir)
    await check(again.session)
  })
})

describe('live mode: calls whose end was missed', () => {
  const KEY = 'sk_live_missed_end_0123456789'

  async function liveSim(): Promise<{ sim: Simulator; agentId: string }> {
    const sim = new Simulator({ clock: systemClock, apiKeys: [KEY] })
    await sim.start()
    undo.push(() => sim.stop())
    const account = await sim.ensureSandboxAccount(KEY)
    return { sim, agentId: account.agent.id }
  }

  const live = (dir: string, baseUrl: string, clock?: Clock) =>
    start(dir, { mode: 'live', live: { baseUrl }, secrets: memorySecrets({ apiKey: KEY }), ...(clock ? { clock } : {}) })

  it('checks calls restored from the journal at live start, and ends the ones that are over', async () => {
    const { sim, agentId } = await liveSim()
    const dir = await tempDir()
    const first = await live(dir, sim.url)
    const placed = ok(await first.session.invoke('calls.place', { agentId, toNumber: '+14155550140' })) as CallInfo
    expect(placed.status).toBe('ringing')
    await first.session.stop()

    // While Switchboard was closed the call was declined; no webhook told us (none is registered).
    sim.sandbox.decline(KEY, placed.id)
    const second = await live(dir, sim.url)
    const ended = await second.recorder.waitFor('call.ended', (c) => c.id === placed.id)
    expect(ended.outcome).toMatchObject({ kind: 'declined', label: 'Declined' })
  })

  it('ends a call on the board that AgentPhone no longer lists as in progress', async () => {
    const { sim, agentId } = await liveSim()
    const clock = fakeClock(Date.now())
    const { session, recorder } = await live(await tempDir(), sim.url, clock)
    const placed = ok(await session.invoke('calls.place', { agentId, toNumber: '+14155550141' })) as CallInfo
    sim.sandbox.answer(KEY, placed.id)
    sim.sandbox.hangup(KEY, placed.id)
    expect((await detail(session, placed.id)).call.status).not.toBe('completed')
    clock.advance(4000) // the next poll
    const ended = await recorder.waitFor('call.ended', (c) => c.id === placed.id)
    expect(ended.outcome?.label).toBe('Called party hung up')
  })
})
