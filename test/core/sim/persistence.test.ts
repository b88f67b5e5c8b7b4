/**
 * The sandbox that persists (issue 10, point 2): state in `<dir>/sandbox-state.json` on real files
 * in temporary folders — same ids after a restart, 0600/0700, debounced writes flushed on stop, a
 * corrupt file kept aside, and reset.
 */
import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../../src-main/core/ports'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { savedApiKeys, STATE_FILE } from '../../../src-main/core/sim/state-store'
import type { SimulatorOptions } from '../../../src-main/core/sim/types'
import { fakeClock } from '../../server/helpers/fake-clock'
import { KEY, startHook } from './helpers'

let cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const c of cleanup.reverse()) await c()
  cleanup = []
})

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sb-simstate-'))

async function open(dataDir: string, extra: Partial<SimulatorOptions> = {}) {
  const sim = new Simulator({ clock: systemClock, apiKeys: [KEY], dataDir, ...extra })
  const { url } = await sim.start()
  let stopped = false
  const stop = async (): Promise<void> => {
    if (!stopped) await sim.stop()
    stopped = true
  }
  cleanup.push(stop)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const api = async (method: string, p: string, body?: unknown): Promise<any> => {
    const res = await fetch(url + p, { method, headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) })
    const text = await res.text()
    return text ? JSON.parse(text) : undefined
  }
  return { sim, url, api, stop }
}

const mode = async (p: string): Promise<number> => (await stat(p)).mode & 0o777

describe('simulator state in a data folder', () => {
  it('comes back after a restart with the same ids, threads, contacts, webhook secret, balance and usage', async () => {
    const dir = await tempDir()
    const hook = await startHook()
    cleanup.push(() => hook.close())
    const first = await open(dir)
    const sandbox = first.sim.ensureSandboxAccount(KEY)
    const agent = await first.api('POST', '/v1/agents', { name: 'Kept Desk' })
    const number = await first.api('POST', '/v1/numbers', { agentId: agent.id })
    const webhook = await first.api('POST', '/v1/webhooks', { url: hook.url })
    const sent = await first.api('POST', '/v1/messages', { number_id: number.id, to_number: '+14155550142', body: 'Kept?' })
    first.sim.sandbox.sms(KEY, { to: number.phoneNumber, from: '+14155550142', body: 'Yes, kept.' })
    const contact = await first.api('POST', '/v1/contacts', { phoneNumber: '+14155550142', name: 'Ada' })
    const { callId } = first.sim.sandbox.dial(KEY, { to: sandbox.number.phoneNumber })
    first.sim.sandbox.hangup(KEY, callId)
    const { callId: cut } = first.sim.sandbox.dial(KEY, { to: sandbox.number.phoneNumber })
    const usage = await first.api('GET', '/v1/usage')
    await first.stop()

    expect(await mode(dir)).toBe(0o700)
    expect(await mode(path.join(dir, STATE_FILE))).toBe(0o600)
    expect(await savedApiKeys(dir)).toEqual([KEY])

    const second = await open(dir)
    expect(second.sim.ensureSandboxAccount(KEY)).toMatchObject({ agent: { id: sandbox.agent.id }, number: { id: sandbox.number.id, phoneNumber: sandbox.number.phoneNumber } })
    expect(await second.api('GET', `/v1/agents/${agent.id}`)).toMatchObject({ id: agent.id, name: 'Kept Desk', numbers: [{ id: number.id }] })
    expect((await second.api('GET', '/v1/webhooks')).secret).toBe(webhook.secret)
    const thread = await second.api('GET', `/v1/conversations/${sent.conversation_id}`)
    expect(thread.messages.map((m: { body: string }) => m.body)).toEqual(['Yes, kept.', 'Kept?'])
    expect((await second.api('GET', '/v1/contacts')).data).toEqual([contact])
    expect(await second.api('GET', `/v1/calls/${callId}`)).toMatchObject({ status: 'completed', recordingAvailable: true })
    // A call still live when the simulator stopped cannot go on: it ended then.
    expect(await second.api('GET', `/v1/calls/${cut}`)).toMatchObject({ status: 'failed', disconnectionReason: 'simulator_restarted' })
    const again = await second.api('GET', '/v1/usage')
    expect(again.stats).toMatchObject({ totalMessages: usage.stats.totalMessages, totalCalls: usage.stats.totalCalls })
    expect(again.numbers).toEqual(usage.numbers)
    // A number bought now is not one the restored account already holds.
    const more = await second.api('POST', '/v1/numbers', {})
    expect([sandbox.number.phoneNumber, number.phoneNumber]).not.toContain(more.phoneNumber)
  })

  it('tightens a folder made 0755 to 0700; without a data folder nothing is written', async () => {
    const dir = path.join(await tempDir(), 'sandbox')
    await mkdir(dir, { mode: 0o755 })
    await chmod(dir, 0o755)
    const s = await open(dir)
    await s.stop()
    expect(await mode(dir)).toBe(0o700)
    const empty = await tempDir()
    const memory = new Simulator({ clock: systemClock, apiKeys: [KEY] })
    await memory.start()
    memory.ensureSandboxAccount(KEY)
    await memory.stop()
    expect(await readdir(empty)).toEqual([])
  })

  it('writes a change once the debounce has passed, and at once on stop', async () => {
    const dir = await tempDir()
    const clock = fakeClock(Date.parse('2026-12-01T10:00:00Z'))
    const s = await open(dir, { clock, saveDebounceMs: 500 })
    const saved = async (): Promise<string[]> => JSON.parse(await readFile(path.join(dir, STATE_FILE), 'utf8')).accounts[0].agents.map((a: { name: string }) => a.name)
    expect(await saved()).toEqual([])
    await s.api('POST', '/v1/agents', { name: 'Debounced' })
    clock.advance(499)
    expect(await saved()).toEqual([])
    clock.advance(1)
    await expectEventually(async () => (await saved()).includes('Debounced'))
    await s.api('POST', '/v1/agents', { name: 'Flushed on stop' })
    await s.stop()
    expect(await saved()).toEqual(expect.arrayContaining(['Debounced', 'Flushed on stop']))
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('a corrupt state file is kept aside under a new name, reported, and the sandbox starts fresh', async () => {
    const dir = await tempDir()
    await writeFile(path.join(dir, STATE_FILE), '{"version": 1, "accounts": [tr', { mode: 0o600 })
    expect(await savedApiKeys(dir)).toEqual([])
    const s = await open(dir)
    expect(s.sim.notice).toMatch(/^The sandbox state file could not be read: it is not JSON .*\. It was kept as .*sandbox-state\.corrupt-.*\.json and the sandbox started fresh\.$/)
    const aside = (await readdir(dir)).filter((f) => f.startsWith('sandbox-state.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(path.join(dir, aside[0]!), 'utf8')).toBe('{"version": 1, "accounts": [tr')
    expect((await s.api('GET', '/v1/agents')).total).toBe(0)
    // Valid JSON of the wrong shape is refused the same way, naming what is wrong.
    await s.stop()
    await writeFile(path.join(dir, STATE_FILE), JSON.stringify({ version: 1, savedAt: 'x', accounts: [{ apiKey: KEY }] }))
    const t = await open(dir)
    expect(t.sim.notice).toMatch(/it does not hold a sandbox state \(accounts\.0\.balanceCents: /)
    expect((await readdir(dir)).filter((f) => f.startsWith('sandbox-state.corrupt-'))).toHaveLength(2)
  })

  it('reset empties the account, keeps its key and project webhook, makes a new sandbox agent and saves', async () => {
    const dir = await tempDir()
    const s = await open(dir, { balanceCents: 1000 })
    const before = s.sim.ensureSandboxAccount(KEY)
    const webhook = await s.api('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook' })
    await s.api('POST', '/v1/agents', { name: 'Gone after reset' })
    await s.api('POST', '/v1/numbers', {})
    const { callId } = s.sim.sandbox.dial(KEY, { to: before.number.phoneNumber })
    const after = await s.sim.reset(KEY)
    expect(after?.agent.id).not.toBe(before.agent.id)
    const agents = await s.api('GET', '/v1/agents')
    expect(agents.data.map((a: { name: string }) => a.name)).toEqual(['Sandbox Agent'])
    expect((await s.api('GET', '/v1/webhooks')).secret).toBe(webhook.secret)
    expect((await s.api('GET', '/v1/calls')).total).toBe(0)
    expect((await s.api('GET', `/v1/calls/${callId}`)).detail).toBe('Call not found')
    expect((await s.api('POST', '/v1/numbers', {})).status).toBe('active')
    const saved = JSON.parse(await readFile(path.join(dir, STATE_FILE), 'utf8'))
    expect(saved.accounts[0].agents.map((a: { id: string }) => a.id)).toEqual([after!.agent.id])
    expect(saved.accounts[0].sandboxAgentId).toBe(after!.agent.id)
  })
})

/** Polls an async probe briefly: the debounced write runs on its own promise chain once due. */
async function expectEventually(probe: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await probe()) return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error('the state file never showed the change')
}
