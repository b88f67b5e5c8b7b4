import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Agent, AppStatus, CallInfo, Delivery, DeliverySummary } from '../../../src-preload/contract'
import { memoryStore } from '../../../src-main/core/ports'
import { startSession } from '../../../src-main/core/session'
import { EventRecorder } from './events'
import { ok } from '../../helpers/bridge-result'

const undo: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const u of undo.splice(0).reverse()) await u()
})

async function waitingCall() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-transfer-'))
  const session = await startSession({ mode: 'sandbox', dataDir: dir, settings: memoryStore() })
  undo.push(() => session.stop())
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  const status = ok(await session.invoke('app.status', {})) as AppStatus
  const agentId = status.sandbox!.agent.id
  const { callId } = ok(await session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })) as { callId: string }
  ok(await session.invoke('sandbox.say', { callId, text: 'A person, please.' }))
  const turn = await recorder.waitFor('turn.opened', (t) => t.callId === callId)
  return { session, recorder, agentId, callId, turnId: turn.turnId }
}

const agentOf = async (session: Awaited<ReturnType<typeof waitingCall>>['session'], agentId: string) => ok(await session.invoke('agents.get', { agentId })) as Agent

describe('turns.reply transfer: the person picks or types the number', () => {
  it('a typed number is the agent’s transfer number for the transfer, the call says "Transferred to" it, the wire line holds only AgentPhone’s fields, and the agent’s own number comes back', async () => {
    const { session, recorder, agentId, callId, turnId } = await waitingCall()
    ok(await session.invoke('agents.update', { agentId, transferNumber: '+14155550199' }))

    ok(await session.invoke('turns.reply', { turnId, text: 'Putting you through.', action: 'transfer', transferTo: '(415) 555-0177' }))
    const ended = await recorder.waitFor('call.ended', (c) => c.id === callId)
    expect(ended.outcome).toMatchObject({ kind: 'transferred', detail: '+14155550177', label: 'Transferred to +14155550177' })
    await expect.poll(async () => (await agentOf(session, agentId)).transferNumber).toBe('+14155550199')

    // The list carries summaries; the lines sent back come with the delivery itself.
    const listed = (ok(await session.invoke('webhooks.deliveries', { event: 'agent.message', channel: 'voice' })) as { items: DeliverySummary[] }).items[0]!
    const voice = ok(await session.invoke('webhooks.delivery', { deliveryId: listed.id })) as Delivery
    const lines = voice.lines.map((l) => JSON.parse(l.line) as Record<string, unknown>)
    expect(lines.at(-1)).toEqual({ text: 'Putting you through.', action: 'transfer' })
  })

  // The simulator transfers only when the agent has a number as the line arrives: the end proves the typed one was set.
  it('an agent that had no transfer number has none again once the transferred call has ended', async () => {
    const { session, recorder, agentId, callId, turnId } = await waitingCall()
    expect((await agentOf(session, agentId)).transferNumber ?? null).toBeNull()
    ok(await session.invoke('turns.reply', { turnId, action: 'transfer', transferTo: '+14155550177' }))
    await recorder.waitFor('call.ended', (c) => c.id === callId)
    await expect.poll(async () => (await agentOf(session, agentId)).transferNumber ?? null).toBeNull()
  })

  it('without a number it uses the agent’s own, and refuses when the agent has none (the turn stays open)', async () => {
    const { session, recorder, callId, turnId } = await waitingCall()
    const refused = await session.invoke('turns.reply', { turnId, action: 'transfer' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.message).toMatch(/no transfer number/)
    expect((ok(await session.invoke('turns.list', {})) as { items: unknown[] }).items).toHaveLength(1)

    const bad = await session.invoke('turns.reply', { turnId, action: 'transfer', transferTo: '12' })
    expect(bad.ok).toBe(false)
    expect(recorder.of('call.ended').filter((c) => (c as CallInfo).id === callId)).toHaveLength(0)
  })

  it('a turn someone else is answering is refused before the agent is changed', async () => {
    const { session, agentId, turnId } = await waitingCall()
    ok(await session.invoke('agents.update', { agentId, transferNumber: '+14155550199' }))
    ok(await session.invoke('turns.claim', { turnId, by: 'Grace' }))
    const refused = await session.invoke('turns.reply', { turnId, action: 'transfer', transferTo: '+14155550177', by: 'Alan' })
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('turn_claimed')
    expect((await agentOf(session, agentId)).transferNumber).toBe('+14155550199')
  })

  it('transferTo without a transfer is refused by the contract', async () => {
    const { session, turnId } = await waitingCall()
    const res = await session.invoke('turns.reply', { turnId, text: 'Hello', transferTo: '+14155550177' })
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('invalid_params')
  })
})
