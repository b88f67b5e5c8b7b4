import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, BridgeResult, CommandName, CommandParams, CommandResult, Delivery } from '../../../src-preload/contract'
import { memoryStore } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { DEFAULT_TEST_SECRET } from '../../../src-main/core/scenarios/secret'
import { EventRecorder } from '../session/events'
import { startWebhookServer, type Flaw, type WebhookServer } from '../../helpers/webhook-servers'

let session: Session | undefined
let servers: WebhookServer[] = []
afterEach(async () => {
  await session?.stop()
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
})

async function start() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-scenarios-'))
  session = await startSession({ mode: 'sandbox', dataDir: dir, settings: memoryStore({ settings: { fillerEnabled: true } }) })
  const recorder = new EventRecorder()
  session.onEvent(recorder.push)
  const s = session
  const call = async <M extends CommandName>(m: M, p: CommandParams<M>): Promise<CommandResult<M>> => {
    const r = (await s.invoke(m, p)) as BridgeResult<CommandResult<M>>
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`)
    return r.value
  }
  return { call, recorder, dir, raw: (m: string, p: unknown) => s.invoke(m, p) }
}

async function server(flaws: Flaw[] = []): Promise<WebhookServer> {
  const s = await startWebhookServer({ secret: DEFAULT_TEST_SECRET, flaws })
  servers.push(s)
  return s
}

/** A sandbox call: the caller asks, a person answers, the caller hangs up. */
async function sandboxCall(call: Awaited<ReturnType<typeof start>>['call'], recorder: EventRecorder): Promise<string> {
  const status = await call('app.status', {})
  const { callId } = await call('sandbox.dial', { to: (status as AppStatus).sandbox!.number.phoneNumber })
  await call('sandbox.say', { callId, text: 'Where is my order 4521?' })
  const turn = await recorder.waitFor('turn.opened', (t) => t.callId === callId)
  await call('turns.reply', { turnId: turn.turnId, text: 'Order 4521 ships tomorrow.' })
  await recorder.waitFor('sandbox.heard', (h) => h.callId === callId && h.text === 'Order 4521 ships tomorrow.')
  await call('sandbox.hangup', { callId })
  await recorder.waitFor('call.ended', (c) => c.id === callId)
  return callId
}

describe('scenarios in the app (through the bridge contract)', () => {
  it('turns a sandbox call into a scenario that passes against a correct server and fails against a broken one', async () => {
    const { call, recorder } = await start()
    const callId = await sandboxCall(call, recorder)
    const { name, text } = await call('scenarios.fromCall', { callId })
    expect(text).toContain('  - caller: "Where is my order 4521?"')
    expect(text).toContain('      replyMatches: "Order 4521 ships tomorrow\\\\."')
    expect(text).not.toContain('One moment')
    expect((await call('scenarios.validate', { text })).problems).toEqual([])

    const good = await server()
    const { runId } = await call('scenarios.run', { text, webhookUrl: good.url })
    const done = await recorder.waitFor('scenario.finished', (f) => f.runId === runId)
    expect(done.result?.passed).toBe(true)
    const steps = recorder.of('scenario.step').filter((e) => e.runId === runId)
    expect(steps.map((e) => `${e.index}:${e.phase}`)).toEqual(['0:sent', '0:done', '1:sent', '1:done'])
    expect(steps[1]!.result!.response.latencyMs).toBeGreaterThanOrEqual(0)
    expect(name).toMatch(/^call from \+1/)

    const broken = await server(['stringReply'])
    const second = await call('scenarios.run', { text, webhookUrl: broken.url })
    const failed = await recorder.waitFor('scenario.finished', (f) => f.runId === second.runId)
    expect(failed.result?.passed).toBe(false)
    expect(failed.result?.scenarios[0]!.steps[0]!.warnings.map((w) => w.code)).toEqual(['not_an_object'])
  })

  it('saves scenarios in the data folder, keeps a baseline and compares later runs with it', async () => {
    const { call, recorder, dir } = await start()
    const text = 'name: Order Check\nturns:\n  - caller: "order 12"\n    expect: { replyMatches: "ships" }\n'
    const saved = await call('scenarios.save', { name: 'Order Check', text })
    expect(saved.file).toBe(path.join(dir, 'scenarios', 'order-check.yaml'))
    expect(await readFile(saved.file, 'utf8')).toBe(text)
    expect((await call('scenarios.list', {})).items.map((s) => [s.name, s.hasBaseline])).toEqual([['order-check', false]])

    const good = await server()
    const first = await call('scenarios.run', { text, webhookUrl: good.url })
    await recorder.waitFor('scenario.finished', (f) => f.runId === first.runId)
    expect((await call('scenarios.saveBaseline', { runId: first.runId, name: 'order-check' })).hasBaseline).toBe(true)

    const changed = await server(['stringReply'])
    const later = await call('scenarios.run', { text: text.replace('    expect: { replyMatches: "ships" }\n', ''), webhookUrl: changed.url, baselineOf: 'order-check' })
    const done = await recorder.waitFor('scenario.finished', (f) => f.runId === later.runId)
    const checks = done.result!.scenarios[0]!.steps[0]!.checks
    expect(checks.find((c) => c.name === 'baseline reply')).toMatchObject({ passed: false, actual: '""' })
    expect(done.result!.passed).toBe(false)
  })

  it('refuses to run invalid text, naming the line', async () => {
    const { raw } = await start()
    const r = await raw('scenarios.run', { text: 'name: x\nturns:\n  - fault: nope\n', webhookUrl: 'http://127.0.0.1:9/' })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.message).toMatch(/<scenario>:3:12: turns\[1\]\.fault/)
  })

  it('resends an edited delivery to the receiver, signed with the current secret, as a new delivery', async () => {
    const { call, recorder } = await start()
    const status = (await call('app.status', {})) as AppStatus
    await call('sandbox.sms', { to: status.sandbox!.number.phoneNumber, body: 'first words' })
    const pushed = await recorder.waitFor('webhook.delivery', (d) => d.channel === 'sms' && d.outcome === 'accepted')
    const original = (await call('webhooks.delivery', { deliveryId: pushed.id })) as Delivery
    const edited = original.body.replace('first words', 'edited words')
    const result = await call('webhooks.resend', { deliveryId: original.id, body: edited })
    expect(result.status).toBe(200)
    expect(result.url).toBe(status.receiverUrl)
    const again = await recorder.waitFor('webhook.delivery', (d) => d.id !== original.id && d.webhookId === result.webhookId)
    expect(((await call('webhooks.delivery', { deliveryId: again.id })) as Delivery).body).toContain('edited words')
    // Verified like any delivery from AgentPhone (not a trusted replay), under a new id.
    expect(again).toMatchObject({ outcome: 'accepted', replayed: false })
    expect(again.webhookId).toBe(result.webhookId)
    expect(again.webhookId).not.toBe(original.webhookId)
    await recorder.waitFor('message.received', (m) => m.body === 'edited words')
  })

  it('resends to another URL, and that server sees a valid signature for the edited bytes', async () => {
    const { call, recorder } = await start()
    const status = (await call('app.status', {})) as AppStatus
    await call('sandbox.sms', { to: status.sandbox!.number.phoneNumber, body: 'hello' })
    const pushed = await recorder.waitFor('webhook.delivery', (d) => d.channel === 'sms')
    const original = (await call('webhooks.delivery', { deliveryId: pushed.id })) as Delivery
    // The sandbox's secret is not the test secret: a server set up for the test secret refuses it.
    const other = await server()
    const r = await call('webhooks.resend', { deliveryId: original.id, body: original.body, url: other.url })
    expect(r.status).toBe(401)
    expect(other.seen[0]!.headers['x-webhook-signature']).toMatch(/^sha256=[0-9a-f]{64}$/)
  })
})

describe('stopping a run', () => {
  it('drops the request in flight and finishes the run as failed, without waiting for the timeout', async () => {
    const { call, recorder } = await start()
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const s = await startWebhookServer({ secret: DEFAULT_TEST_SECRET, beforeHeaders: () => held })
    servers.push(s)
    const { runId } = await call('scenarios.run', { text: 'name: held\nturns:\n  - caller: "order 1"\n  - caller: "order 2"\n', webhookUrl: s.url })
    await recorder.waitFor('scenario.step', (e) => e.runId === runId && e.phase === 'sent')
    await call('scenarios.stop', { runId })
    const done = await recorder.waitFor('scenario.finished', (f) => f.runId === runId)
    release()
    const steps = done.result!.scenarios[0]!.steps
    expect(steps).toHaveLength(1)
    expect(steps[0]!.checks[0]).toEqual({ name: 'finished', passed: false, expected: 'an answer', actual: 'the run was stopped' })
    expect(steps[0]!.warnings).toEqual([])
    expect(done.result!.passed).toBe(false)
  })
})
