import { afterEach, describe, expect, it } from 'vitest'
import type { CallInfo, HistoryCall } from '../../../src-preload/contract'
import { memorySecrets, memoryStore, systemClock } from '../../../src-main/core/ports'
import { startSession, type Session } from '../../../src-main/core/session'
import { Simulator } from '../../../src-main/core/sim/simulator'
import { ok, tempDir, waitUntil } from './helpers'

const KEY = 'sk_live_history_0123456789'
const undo: Array<() => Promise<unknown> | unknown> = []
afterEach(async () => {
  for (const u of undo.splice(0).reverse()) await u()
})

async function liveSession(dir: string, baseUrl: string): Promise<Session> {
  const session = await startSession({ mode: 'live', dataDir: dir, live: { baseUrl }, settings: memoryStore(), secrets: memorySecrets({ apiKey: KEY }) })
  undo.push(() => session.stop())
  return session
}

describe('History in live mode (AgentPhone over real HTTP)', () => {
  it('pages AgentPhone’s list with its own paging and filters, and falls back to the journal when AgentPhone is gone', async () => {
    const sim = new Simulator({ clock: systemClock, apiKeys: [KEY] })
    await sim.start()
    let simRunning = true
    undo.push(() => simRunning && sim.stop())
    const { agent } = await sim.ensureSandboxAccount(KEY)
    const dir = await tempDir()
    const session = await liveSession(dir, sim.url)
    const call = async <T>(method: string, params: unknown): Promise<T> => ok(await session.invoke(method, params)) as T

    // Three outbound calls the simulated callees decline (last digit 6), so each ends at once.
    const placed: string[] = []
    for (const to of ['+14155550116', '+14155550126', '+14155550136']) placed.push((await call<CallInfo>('calls.place', { agentId: agent.id, toNumber: to })).id)
    await waitUntil(async () => (await call<{ items: HistoryCall[] }>('calls.history', { status: 'failed' })).items.length === 3)

    const page1 = await call<{ items: HistoryCall[]; total?: number; nextCursor: string | null }>('calls.history', { limit: 2 })
    expect(page1.items.map((c) => c.id)).toEqual([placed[2], placed[1]])
    expect(page1.total).toBe(3)
    const page2 = await call<{ items: HistoryCall[]; nextCursor: string | null }>('calls.history', { limit: 2, cursor: page1.nextCursor })
    expect(page2.items.map((c) => c.id)).toEqual([placed[0]])
    expect(page2.nextCursor).toBeNull()
    expect(page1.items[0]).toMatchObject({ direction: 'outbound', to: '+14155550136', known: 'both', agentName: agent.name })
    expect(page1.items[0]!.outcome?.kind).toBe('declined')
    // AgentPhone's own filters: the number's digits, the direction.
    expect((await call<{ items: HistoryCall[] }>('calls.history', { query: '0126' })).items.map((c) => c.id)).toEqual([placed[1]])
    expect((await call<{ items: HistoryCall[] }>('calls.history', { direction: 'inbound' })).items).toEqual([])

    await sim.stop()
    simRunning = false
    const offline = await call<{ items: HistoryCall[]; notice?: string }>('calls.history', {})
    expect(offline.notice).toMatch(/could not be reached/)
    expect(offline.items.map((c) => c.id)).toEqual([placed[2], placed[1], placed[0]])
    expect(offline.items.every((c) => c.known === 'journal')).toBe(true)
  })
})
