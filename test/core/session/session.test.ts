import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus } from '../../../src-preload/contract'
import { memoryStore } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { EventRecorder } from './events'
import { ok } from '../../helpers/bridge-result'

const sessions: Session[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.stop()))
})

async function sandboxSession(dataDir?: string, settings: Record<string, unknown> = {}) {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'sb-session-')))
  const session = await startSession({ mode: 'sandbox', dataDir: dir, settings: memoryStore({ settings }) })
  sessions.push(session)
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  return { session, recorder, dir }
}

describe('Session in sandbox mode', () => {
  it('reports the sandbox agent, its number and the receiver', async () => {
    const { session } = await sandboxSession()
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    expect(status.mode).toBe('sandbox')
    expect(status.receiverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/webhook$/)
    expect(status.sandbox?.agent.voiceMode).toBe('webhook')
    expect(status.sandbox?.number.phoneNumber).toMatch(/^\+1\d{10}$/)
    const agents = ok(await session.invoke('agents.list', {})) as { items: Array<{ id: string }> }
    expect(agents.items.map((a) => a.id)).toContain(status.sandbox!.agent.id)
    const numbers = ok(await session.invoke('numbers.list', {})) as { items: Array<{ phoneNumber: string }> }
    expect(numbers.items.map((n) => n.phoneNumber)).toContain(status.sandbox!.number.phoneNumber)
  })

  it('carries a caller turn to a person and the typed reply back to the caller', async () => {
    const { session, recorder } = await sandboxSession()
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    const { callId } = ok(await session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })) as { callId: string }
    await recorder.waitFor('call.started', (c) => c.id === callId)

    ok(await session.invoke('sandbox.say', { callId, text: 'I would like to book a table' }))
    const opened = await recorder.waitFor('turn.opened', (t) => t.callId === callId)
    expect(opened.transcript).toBe('I would like to book a table')
    await recorder.waitFor('sandbox.heard', (h) => h.callId === callId && h.interim && h.text === 'One moment, please.')

    const calls = ok(await session.invoke('calls.list', { live: true })) as { items: Array<{ id: string; waitingTurn: { turnId: string } | null }> }
    expect(calls.items.find((c) => c.id === callId)?.waitingTurn?.turnId).toBe(opened.turnId)

    ok(await session.invoke('turns.reply', { turnId: opened.turnId, text: 'Let me check the book', interim: true }))
    await recorder.waitFor('sandbox.heard', (h) => h.text === 'Let me check the book' && h.interim)
    ok(await session.invoke('turns.reply', { turnId: opened.turnId, text: 'Table for two at eight is yours' }))
    await recorder.waitFor('sandbox.heard', (h) => h.text === 'Table for two at eight is yours' && !h.interim)
    const closed = await recorder.waitFor('turn.closed', (t) => t.turnId === opened.turnId)
    expect(closed.outcome).toBe('replied')

    const late = await session.invoke('turns.reply', { turnId: opened.turnId, text: 'too late' })
    expect(late.ok).toBe(false)
    if (!late.ok) expect(late.error.code).toBe('turn_closed')

    const detail = ok(await session.invoke('calls.get', { callId })) as { transcript: Array<{ speaker: string; text: string; source?: string }> }
    expect(detail.transcript.map((l) => [l.speaker, l.text])).toEqual(
      expect.arrayContaining([
        ['caller', 'I would like to book a table'],
        ['agent', 'Table for two at eight is yours']
      ])
    )
    expect(detail.transcript.find((l) => l.text === 'Table for two at eight is yours')?.source).toBe('human')

    ok(await session.invoke('sandbox.hangup', { callId }))
    await recorder.waitFor('call.ended', (c) => c.id === callId)
  })

  it('speaks the fallback line when nobody answers before the deadline', async () => {
    const { session, recorder } = await sandboxSession(undefined, { webhookTimeoutSeconds: 5, deadlineMarginSeconds: 4.5, fallbackText: 'Nobody is here' })
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    const { callId } = ok(await session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })) as { callId: string }
    ok(await session.invoke('sandbox.say', { callId, text: 'Hello?' }))
    const closed = await recorder.waitFor('turn.closed', (t) => t.callId === callId, 5000)
    expect(closed.outcome).toBe('fallback')
    await recorder.waitFor('sandbox.heard', (h) => h.text === 'Nobody is here' && !h.interim)
  })

  it('refuses bad input as data and leaves the session working', async () => {
    const { session } = await sandboxSession()
    const unknown = await session.invoke('calls.explode', {})
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_method' } })
    const invalid = await session.invoke('sandbox.say', { callId: 'call_x' })
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_params' } })
    const badNumber = await session.invoke('sandbox.dial', { to: 'abc' })
    expect(badNumber).toMatchObject({ ok: false, error: { code: 'invalid_number' } })
    expect((await session.invoke('app.status', {})).ok).toBe(true)
  })

  it('rebuilds calls and transcripts from the journal after a restart', async () => {
    const first = await sandboxSession()
    const status = ok(await first.session.invoke('app.status', {})) as AppStatus
    const { callId } = ok(await first.session.invoke('sandbox.dial', { to: status.sandbox!.number.phoneNumber })) as { callId: string }
    ok(await first.session.invoke('sandbox.say', { callId, text: 'Remember me' }))
    const opened = await first.recorder.waitFor('turn.opened', (t) => t.callId === callId)
    ok(await first.session.invoke('turns.reply', { turnId: opened.turnId, text: 'I will' }))
    await first.recorder.waitFor('turn.closed', (t) => t.turnId === opened.turnId)
    await first.session.stop()

    const second = await sandboxSession(first.dir)
    const detail = ok(await second.session.invoke('calls.get', { callId })) as { call: { status: string }; transcript: Array<{ text: string }> }
    expect(detail.transcript.map((l) => l.text)).toEqual(expect.arrayContaining(['Remember me', 'I will']))
    // The simulator behind the first run is gone, so its calls cannot still be live.
    expect(detail.call.status).not.toBe('in-progress')
  })
})

describe('Session: messages in sandbox mode', () => {
  it('sends an SMS, reports a simulated carrier failure as data, and succeeds when retried', async () => {
    const { session, recorder } = await sandboxSession()
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    const agentId = status.sandbox!.agent.id

    ok(await session.invoke('sandbox.sms', { to: status.sandbox!.number.phoneNumber, body: 'Hi, is this the bakery?' }))
    const received = await recorder.waitFor('message.received', (m) => m.body === 'Hi, is this the bakery?')
    expect(received.direction).toBe('inbound')

    ok(await session.invoke('sandbox.fault', { target: 'messages.send' }))
    const failed = await session.invoke('messages.send', { toNumber: received.from, body: 'Yes it is!', agentId })
    expect(failed).toMatchObject({ ok: false, error: { code: 'api_error', status: 503 } })
    // Not retried on its own: the contact got nothing yet.
    expect(recorder.of('sandbox.sms')).toHaveLength(0)

    const sent = ok(await session.invoke('messages.send', { toNumber: received.from, body: 'Yes it is!', agentId })) as { id: string }
    const atContact = await recorder.waitFor('sandbox.sms', (m) => m.body === 'Yes it is!')
    expect(recorder.of('message.sent').map((m) => m.id)).toEqual([sent.id])
    expect(atContact.to).toBe(received.from)
  })

  it('refuses to place a call to an invalid number before any request', async () => {
    const { session } = await sandboxSession()
    const status = ok(await session.invoke('app.status', {})) as AppStatus
    const refused = await session.invoke('calls.place', { agentId: status.sandbox!.agent.id, toNumber: '12' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_number' } })
    expect((ok(await session.invoke('calls.list', {})) as { total: number }).total).toBe(0)
  })
})

describe('Session start-up failures', () => {
  it('releases what it had started when the receiver port is taken', async () => {
    const blocker = (await import('node:http')).createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-session-'))
    await expect(startSession({ mode: 'sandbox', dataDir: dir, receiver: { port } })).rejects.toThrow(`Port ${port} for the receiver is already in use`)
    await new Promise<void>((resolve) => blocker.close(() => resolve()))
    // The journal was closed and the port released: the same folder and port start cleanly now.
    const session = await startSession({ mode: 'sandbox', dataDir: dir, receiver: { port } })
    sessions.push(session)
    expect(session.status().receiverUrl).toBe(`http://127.0.0.1:${port}/webhook`)
  })
})

describe('Session restart and duplicates', () => {
  it('drops a retried delivery that arrives after a restart', async () => {
    const { sign } = await import('../../../src-main/core/receiver/signature')
    const { WEBHOOK_SECRET } = await import('../../../src-main/core/live/keys')
    const { memorySecrets } = await import('../../../src-main/core/ports')
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-dedupe-'))
    const secrets = memorySecrets({ apiKey: 'sk_live_dedupe', [WEBHOOK_SECRET]: 'whsec_dedupe' })
    const body = JSON.stringify({ event: 'agent.message', channel: 'sms', agentId: 'agent_1', timestamp: new Date().toISOString(), data: { messageId: 'msg_1', from: '+15550100001', to: '+15550100002', message: 'hi', direction: 'inbound' } })
    const post = async (url: string) => {
      const ts = String(Math.floor(Date.now() / 1000))
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-webhook-id': 'wh_retry_1', 'x-webhook-timestamp': ts, 'x-webhook-signature': sign('whsec_dedupe', ts, body), 'x-webhook-event': 'agent.message' },
        body
      })
      return (await res.json()) as Record<string, unknown>
    }
    // Live mode against an address nobody listens on: only the receiver matters here.
    const first = await startSession({ mode: 'live', dataDir: dir, secrets, live: { baseUrl: 'http://127.0.0.1:9' } })
    expect(await post(first.status().receiverUrl)).not.toHaveProperty('duplicate')
    await first.stop()
    const second = await startSession({ mode: 'live', dataDir: dir, secrets, live: { baseUrl: 'http://127.0.0.1:9' } })
    sessions.push(second)
    expect(await post(second.status().receiverUrl)).toMatchObject({ duplicate: true })
  })
})

describe('Session restart and the inspector', () => {
  it('shows the deliveries accepted before a restart, readable and replayable', async () => {
    const first = await sandboxSession()
    const status = ok(await first.session.invoke('app.status', {})) as AppStatus
    ok(await first.session.invoke('sandbox.sms', { to: status.sandbox!.number.phoneNumber, body: 'Before the restart' }))
    await first.recorder.waitFor('message.received', (m) => m.body === 'Before the restart')
    await first.session.stop()

    const second = await sandboxSession(first.dir)
    const page = ok(await second.session.invoke('webhooks.deliveries', { text: 'Before the restart' })) as { items: Array<{ id: string; outcome: string; channel: string | null }> }
    expect(page.items).toHaveLength(1)
    expect(page.items[0]).toMatchObject({ outcome: 'accepted', channel: 'sms' })
    const replayed = ok(await second.session.invoke('webhooks.replay', { deliveryId: page.items[0]!.id })) as { replayed: boolean; outcome: string }
    expect(replayed).toMatchObject({ replayed: true, outcome: 'accepted' })
    await second.recorder.waitFor('message.received', (m) => m.body === 'Before the restart')
  })
})
