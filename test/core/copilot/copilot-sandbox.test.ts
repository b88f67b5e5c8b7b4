import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, BridgeResult, CopilotStatus, CopilotTestResult } from '../../../src-preload/contract'
import { memoryStore } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { EventRecorder } from '../session/events'

const sessions: Session[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.stop()))
})

function ok<T>(result: BridgeResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** A sandbox session with no key anywhere: the simulator's built-in model is the copilot's. */
async function sandbox(copilot: Record<string, unknown>, dir?: string) {
  const dataDir = dir ?? (await mkdtemp(path.join(os.tmpdir(), 'sb-copilot-')))
  const session = await startSession({ mode: 'sandbox', dataDir, settings: memoryStore({ copilot }) })
  sessions.push(session)
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  const status = ok<AppStatus>(await session.invoke('app.status', {}))
  const { callId } = ok<{ callId: string }>(await session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber }))
  await recorder.waitFor('call.started', (c) => c.id === callId)
  return { session, recorder, status, callId, dataDir }
}

describe('the copilot in sandbox mode, with the simulated model (no key, no account)', () => {
  it('is off until turned on, then drafts each turn through the simulator\'s OpenAI-compatible endpoint', async () => {
    const { session, recorder, callId } = await sandbox({})
    expect(ok<CopilotStatus>(await session.invoke('copilot.status', {}))).toMatchObject({ mode: 'off', simulated: true, modelLabel: 'simulated model', hasKey: false, notice: null })
    ok(await session.invoke('sandbox.say', { callId, text: 'Is anyone there?' }))
    const first = await recorder.waitFor('turn.opened', (t) => t.callId === callId)

    const on = ok<CopilotStatus>(await session.invoke('copilot.configure', { mode: 'suggest' }))
    expect(on.mode).toBe('suggest')
    expect(recorder.of('copilot.status').at(-1)?.mode).toBe('suggest')
    expect(recorder.of('copilot.draft')).toEqual([]) // nothing was sent for the turn that opened while off
    ok(await session.invoke('turns.reply', { turnId: first.turnId, text: 'Yes, hello.' }))

    ok(await session.invoke('sandbox.say', { callId, text: 'Do you have parking?' }))
    const turn = await recorder.waitFor('turn.opened', (t) => t.callId === callId && t.turnId !== first.turnId)
    const draft = await recorder.waitFor('copilot.draft', (d) => d.turnId === turn.turnId && d.done)
    expect(draft).toMatchObject({ text: 'Thanks for asking about "Do you have parking?". Let me help you with that right away.', modelLabel: 'simulated model', autopilot: false })
    expect(recorder.of('copilot.draft').filter((d) => d.turnId === turn.turnId).length).toBeGreaterThan(2) // streamed in pieces
    const calls = ok<{ items: Array<{ id: string; waitingTurn: unknown }> }>(await session.invoke('calls.list', { live: true }))
    expect(calls.items.find((c) => c.id === callId)?.waitingTurn).not.toBeNull() // suggest mode sends nothing itself
  })

  it('in autopilot answers the sandbox caller end to end, and takes the transfer tool when asked', async () => {
    const { session, recorder, callId, status } = await sandbox({ mode: 'autopilot' })
    ok(await session.invoke('agents.update', { agentId: status.sandbox!.agent.id, transferNumber: '+14155550999' }))
    ok(await session.invoke('sandbox.say', { callId, text: 'What time do you close?' }))
    const heard = await recorder.waitFor('sandbox.heard', (h) => h.callId === callId && !h.interim)
    expect(heard.text).toBe('Thanks for asking about "What time do you close?". Let me help you with that right away.')
    const line = await recorder.waitFor('transcript.turn', (l) => l.callId === callId && l.source === 'copilot')
    expect(line).toMatchObject({ speaker: 'agent', model: 'simulated model', text: heard.text })

    ok(await session.invoke('sandbox.say', { callId, text: 'Can I speak to a real person?' }))
    const transfer = await recorder.waitFor('sandbox.heard', (h) => h.callId === callId && h.action === 'transfer')
    expect(transfer.text).toBe('Of course. I am transferring you to a colleague now.')
  })

  it('Test says the simulated model works, and an SMS to the agent gets a draft reply', async () => {
    const { session, recorder, status } = await sandbox({ mode: 'suggest' })
    const test = ok<CopilotTestResult>(await session.invoke('copilot.test', {}))
    expect(test).toMatchObject({ ok: true, modelLabel: 'simulated model' })
    ok(await session.invoke('sandbox.sms', { to: status.sandbox!.number.phoneNumber, body: 'Are you open on Sunday?' }))
    const draft = await recorder.waitFor('copilot.smsDraft', (d) => d.done)
    expect(draft).toMatchObject({ text: 'Thanks for asking about "Are you open on Sunday?". Let me help you with that right away.', to: status.sandbox!.number.phoneNumber })
    expect(draft.error).toBeUndefined()
  })

  it('refuses a bad base URL with a clear message and keeps what was saved', async () => {
    const { session } = await sandbox({ mode: 'suggest' })
    const res = await session.invoke('copilot.configure', { baseUrl: 'localhost:11434' })
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    expect(ok<CopilotStatus>(await session.invoke('copilot.status', {})).baseUrl).toBe('')
  })

  it('drafts only texts that arrive now, not the ones a restart replays from the journal', async () => {
    const first = await sandbox({})
    ok(await first.session.invoke('sandbox.sms', { to: first.status.sandbox!.number.phoneNumber, body: 'An old text' }))
    await first.recorder.waitFor('message.received', (m) => m.body === 'An old text')
    await first.session.stop()

    const again = await sandbox({ mode: 'suggest' }, first.dataDir)
    ok(await again.session.invoke('sandbox.sms', { to: again.status.sandbox!.number.phoneNumber, body: 'A new text' }))
    await again.recorder.waitFor('copilot.smsDraft', (d) => d.done)
    expect(again.recorder.of('copilot.smsDraft').filter((d) => d.done).map((d) => d.text)).toEqual([
      'Thanks for asking about "A new text". Let me help you with that right away.'
    ])
  })
})
