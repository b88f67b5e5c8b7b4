/**
 * A real session in sandbox mode, restarted on the same data folder: the sandbox's agents, numbers
 * and threads come back with their ids; `sandbox.reset` starts the sandbox over.
 */
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus, BridgeResult } from '../../../src-preload/contract'
import { memoryStore } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { startSessionHost } from '../../../src-main/core/session-host'
import { STATE_FILE } from '../../../src-main/core/sim/state-store'

const running: Session[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()))
})

async function start(dataDir: string): Promise<Session> {
  const session = await startSession({ mode: 'sandbox', dataDir, settings: memoryStore() })
  running.push(session)
  return session
}

async function call<T>(session: Session, method: string, params: unknown = {}): Promise<T> {
  const result = (await session.invoke(method, params)) as BridgeResult<T>
  if (!result.ok) throw new Error(`${method}: ${result.error.code}: ${result.error.message}`)
  return result.value
}

interface Listed {
  items: Array<{ id: string; name?: string; phoneNumber?: string }>
}

describe('a sandbox session restarted on the same data folder', () => {
  it('brings back the same agent ids, numbers and conversation ids; reset starts over', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-restart-'))
    const first = await start(dir)
    const status = await call<AppStatus>(first, 'app.status')
    const agent = await call<{ id: string }>(first, 'agents.create', { name: 'Night Desk' })
    const number = await call<{ id: string; phoneNumber: string }>(first, 'numbers.buy', { agentId: agent.id })
    await call(first, 'sandbox.sms', { to: number.phoneNumber, from: '+14155550142', body: 'First thread' })
    await call(first, 'sandbox.sms', { to: status.sandbox!.number.phoneNumber, from: '+14155550143', body: 'Second thread' })
    const threads = await call<Listed>(first, 'conversations.list')
    expect(threads.items).toHaveLength(2)
    await first.stop()
    running.splice(0)

    const second = await start(dir)
    const again = await call<AppStatus>(second, 'app.status')
    expect(again.sandbox).toEqual(status.sandbox)
    const agents = await call<Listed>(second, 'agents.list')
    expect(agents.items.map((a) => a.id).sort()).toEqual([status.sandbox!.agent.id, agent.id].sort())
    const numbers = await call<Listed>(second, 'numbers.list')
    expect(numbers.items.map((n) => n.id).sort()).toEqual([status.sandbox!.number.id, number.id].sort())
    const threadsAgain = await call<Listed>(second, 'conversations.list')
    expect(threadsAgain.items.map((c) => c.id).sort()).toEqual(threads.items.map((c) => c.id).sort())

    const reset = await call<AppStatus>(second, 'sandbox.reset')
    expect(reset.sandbox?.agent.id).not.toBe(status.sandbox!.agent.id)
    expect(reset.sandbox?.agent.name).toBe('Sandbox Agent')
    expect((await call<AppStatus>(second, 'app.status')).sandbox).toEqual(reset.sandbox)
    expect((await call<Listed>(second, 'agents.list')).items.map((a) => a.id)).toEqual([reset.sandbox!.agent.id])
    expect((await call<Listed>(second, 'conversations.list')).items).toEqual([])
    // The console's own webhook survived the reset: a text still reaches Messages.
    await call(second, 'sandbox.sms', { to: reset.sandbox!.number.phoneNumber, from: '+14155550144', body: 'After reset' })
    expect((await call<Listed>(second, 'conversations.list')).items).toHaveLength(1)
  })
})

describe('a sandbox session placing a call to the simulated callee', () => {
  it('shows a call ringing, then live once the callee picks up; a busy number ends unanswered', async () => {
    const session = await start(await mkdtemp(path.join(os.tmpdir(), 'sb-callee-')))
    const events: Array<{ event: string; data: { id?: string; status?: string } }> = []
    session.onEvent((e) => events.push(e as never))
    const status = await call<AppStatus>(session, 'app.status')
    // Ends in 7: busy. Ends in 2: answers (each line waits for a person, so it is ended here by hand).
    const busy = await call<{ id: string; status: string }>(session, 'calls.place', { agentId: status.sandbox!.agent.id, toNumber: '+14155550127' })
    expect(busy.status).toBe('ringing')
    const answered = await call<{ id: string }>(session, 'calls.place', { agentId: status.sandbox!.agent.id, toNumber: '+14155550122' })
    await expect.poll(() => events.some((e) => e.event === 'call.updated' && e.data.id === answered.id && e.data.status === 'in-progress'), { timeout: 10_000 }).toBe(true)
    await expect.poll(() => events.find((e) => e.event === 'call.ended' && e.data.id === busy.id)?.data.status, { timeout: 10_000 }).toBe('failed')
    await call(session, 'calls.end', { callId: answered.id })
    await expect.poll(() => events.some((e) => e.event === 'call.ended' && e.data.id === answered.id), { timeout: 10_000 }).toBe(true)
  })
})

describe('a sandbox state file that cannot be read', () => {
  it('is kept aside, and the app status says so while the sandbox starts fresh', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sb-corrupt-'))
    await mkdir(path.join(dir, 'sandbox'), { recursive: true })
    await writeFile(path.join(dir, 'sandbox', STATE_FILE), 'not json at all')
    const host = await startSessionHost({ mode: 'sandbox', dataDir: dir, settings: memoryStore() })
    running.push(host as unknown as Session)
    const status = host.status()
    expect(status.notice).toMatch(/The sandbox state file could not be read: it is not JSON/)
    expect(status.sandbox?.agent.name).toBe('Sandbox Agent')
    expect((await readdir(path.join(dir, 'sandbox'))).filter((f) => f.startsWith('sandbox-state.corrupt-'))).toHaveLength(1)
  })
})
