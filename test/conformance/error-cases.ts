/**
 * The error table: one request per case, made by each client, and what both must report. Bodies
 * follow agentphone-api.md §1.4: `{"detail": "text"}` for handled errors, FastAPI's
 * `{"detail": [{loc, msg, type}]}` for 422.
 */
import type { AgentPhoneClient as SdkClient } from 'agentphone'
import { expect } from 'vitest'
import type { AgentPhoneClient } from '../../src-main/core/agentphone/client'
import type { SimulatorOptions } from '../../src-main/core/sim/types'
import type { Env } from './harness'
import { API_KEY } from './harness'

export interface ErrorCase {
  name: string
  sim?: Partial<SimulatorOptions>
  /** Another key than the simulator's, for the 401 case. */
  key?: string
  /** Requests that bring the simulator to the state the case needs (limits used up). */
  prepare?(env: Env): Promise<void>
  sdk(client: SdkClient): Promise<unknown>
  ours(client: AgentPhoneClient): Promise<unknown>
  status: number
  /** Our ApiError code. */
  code: string
  /** Our ApiError message. */
  message: RegExp
  /** Checks the body the SDK parsed onto its error. */
  sdkBody(body: unknown): void
}

/** A request through plain fetch, for preparing state without either client. */
async function raw(env: Env, method: string, path: string, body?: unknown): Promise<number> {
  const headers: Record<string, string> = { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' }
  const res = await fetch(env.url + path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) })
  await res.text()
  return res.status
}

const detailText = (pattern: RegExp) => (body: unknown) => expect(body).toEqual({ detail: expect.stringMatching(pattern) })

export const ERROR_CASES: ErrorCase[] = [
  {
    name: 'wrong key → 401',
    key: 'sk_live_not_a_real_key',
    sdk: (c) => c.agents.listAgents(),
    ours: (c) => c.agents.list(),
    status: 401,
    code: 'unauthorized',
    message: /^Invalid or missing API key$/,
    sdkBody: detailText(/API key/)
  },
  {
    name: 'unknown id → 404',
    sdk: (c) => c.agents.getAgent({ agent_id: 'agent_does_not_exist' }),
    ours: (c) => c.agents.get('agent_does_not_exist'),
    status: 404,
    code: 'not_found',
    message: /^Agent not found$/,
    sdkBody: detailText(/^Agent not found$/)
  },
  {
    // Well-typed for both clients (a number), but outside the API's 0.5–2.0 range: only the
    // server can refuse it, which is what a conformance check of the 422 path needs.
    name: 'bad body → 422 with a FastAPI detail array',
    sdk: (c) => c.agents.createAgent({ name: 'Too fast', voiceSpeed: 5 }),
    ours: (c) => c.agents.create({ name: 'Too fast', voiceSpeed: 5 }),
    status: 422,
    code: 'validation_error',
    message: /^voiceSpeed: \S/,
    sdkBody: (body) => {
      expect(body).toEqual({ detail: [{ loc: ['body', 'voiceSpeed'], msg: expect.any(String), type: 'less_than_equal' }] })
    }
  },
  {
    name: 'number limit → 409',
    sim: { numberLimit: 1 },
    prepare: async (env) => void expect(await raw(env, 'POST', '/v1/numbers', { country: 'US' })).toBe(200),
    sdk: (c) => c.numbers.createNumber({ country: 'US' }),
    ours: (c) => c.numbers.buy({ country: 'US' }),
    status: 409,
    code: 'conflict',
    message: /Number limit reached.*1 number/,
    sdkBody: detailText(/Number limit reached/)
  },
  {
    name: 'rate limit → 429 with Retry-After',
    sim: { rateLimit: { perMinute: 2 } },
    prepare: async (env) => {
      expect([await raw(env, 'GET', '/v1/agents'), await raw(env, 'GET', '/v1/agents')]).toEqual([200, 200])
    },
    sdk: (c) => c.agents.listAgents(),
    ours: (c) => c.agents.list(),
    status: 429,
    code: 'rate_limited',
    message: /Rate limit exceeded/,
    sdkBody: detailText(/Rate limit exceeded/)
  }
]
