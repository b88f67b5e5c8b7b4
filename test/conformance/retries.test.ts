/**
 * Our client's retry policy against the simulator's real 429s: it waits exactly what Retry-After
 * asks (its `sleep` is injected, so nothing really waits: the sleep moves the simulator's clock
 * instead), then succeeds or gives up after maxRetries; and it never repeats `POST /v1/calls`,
 * where a retry can ring someone twice.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiError } from '../../src-main/core/agentphone/errors'
import type { Env } from './harness'
import { sent, startEnv } from './harness'

let env: Env
afterEach(() => env.stop())

/** A sleep that records each delay and, if `passTime`, moves the simulator's clock by it. */
function recordingSleep(e: Env, passTime: boolean): { delays: number[]; sleep: (ms: number) => Promise<void> } {
  const delays: number[] = []
  return { delays, sleep: async (ms) => void (delays.push(ms), passTime && e.clock.advance(ms)) }
}

const retryAfterMs = (e: Env, method: string, path: string): number[] =>
  sent(e, method, path)
    .filter((r) => r.status === 429)
    .map((r) => Number(r.retryAfter) * 1000)

describe('Retry-After', () => {
  it('waits Retry-After × 1000 ms, then the retry succeeds', async () => {
    env = await startEnv({ rateLimit: { perMinute: 1 } })
    const { delays, sleep } = recordingSleep(env, true)
    const client = env.ours({ maxRetries: 2, sleep })
    await client.agents.list()
    const second = await client.agents.list()
    expect(second).toEqual({ data: [], total: 0 })
    expect(sent(env, 'GET', '/v1/agents').map((r) => r.status)).toEqual([200, 429, 200])
    expect(delays).toEqual(retryAfterMs(env, 'GET', '/v1/agents'))
    expect(delays[0]).toBeGreaterThanOrEqual(1000)
  })

  it('gives up after maxRetries with the last 429, having waited each Retry-After', async () => {
    env = await startEnv({ rateLimit: { perMinute: 1 } })
    const { delays, sleep } = recordingSleep(env, false)
    const client = env.ours({ maxRetries: 2, sleep })
    await client.agents.list()
    const err = (await client.agents.list().catch((e: unknown) => e)) as ApiError
    expect({ status: err.status, code: err.code }).toEqual({ status: 429, code: 'rate_limited' })
    expect(sent(env, 'GET', '/v1/agents').map((r) => r.status)).toEqual([200, 429, 429, 429])
    // Two waits for three failed attempts, each the Retry-After of the answer before it.
    expect(delays).toEqual(retryAfterMs(env, 'GET', '/v1/agents').slice(0, 2))
    expect(err.retryAfterSeconds).toBe(Number(sent(env, 'GET', '/v1/agents').at(-1)?.retryAfter))
  })

  it('does not wait out a Retry-After longer than maxRetryAfterSeconds', async () => {
    env = await startEnv({ rateLimit: { perMinute: 1 } })
    const { delays, sleep } = recordingSleep(env, true)
    const client = env.ours({ maxRetries: 2, sleep, maxRetryAfterSeconds: 0 })
    await client.agents.list()
    await expect(client.agents.list()).rejects.toMatchObject({ status: 429 })
    expect(delays).toEqual([])
    expect(sent(env, 'GET', '/v1/agents')).toHaveLength(2)
  })
})

describe('POST /v1/calls is never retried', () => {
  /** An agent with a number, made through the client before any limit bites. */
  async function agentWithNumber(e: Env): Promise<string> {
    const client = e.ours()
    const agent = await client.agents.create({ name: 'No double rings' })
    await client.numbers.buy({ agentId: agent.id })
    return agent.id
  }

  it('on a 429 from the simulator: one attempt, no wait, no call placed', async () => {
    env = await startEnv({ rateLimit: { perMinute: 2 } })
    const agentId = await agentWithNumber(env)
    const { delays, sleep } = recordingSleep(env, true)
    const client = env.ours({ maxRetries: 3, sleep })
    await expect(client.calls.place({ agentId, toNumber: '+14155550123' })).rejects.toMatchObject({ status: 429, code: 'rate_limited' })
    expect(sent(env, 'POST', '/v1/calls').map((r) => r.status)).toEqual([429])
    expect(delays).toEqual([])
    // Nothing was placed: once the window has passed, the account has no calls.
    env.clock.advance(60_000)
    expect((await client.calls.list()).total).toBe(0)
  })

  it('on a 5xx: one attempt, while a GET on the same failing server is retried', async () => {
    env = await startEnv()
    const agentId = await agentWithNumber(env)
    const unavailable = (): Response => new Response('{"detail":"Service temporarily unavailable"}', { status: 503, headers: { 'Content-Type': 'application/json' } })
    // The simulator has no switch to fail; a 503 is answered in its place at the fetch layer.
    env.inject = () => unavailable()
    const { delays, sleep } = recordingSleep(env, false)
    const client = env.ours({ maxRetries: 2, sleep })
    await expect(client.calls.place({ agentId, toNumber: '+14155550123' })).rejects.toMatchObject({ status: 503, code: 'server_error' })
    expect(sent(env, 'POST', '/v1/calls')).toHaveLength(1)
    await expect(client.calls.list()).rejects.toMatchObject({ status: 503 })
    expect(sent(env, 'GET', '/v1/calls')).toHaveLength(3)
    expect(delays).toHaveLength(2)
  })
})
