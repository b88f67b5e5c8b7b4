/**
 * Error answers, each seen through both clients: the SDK must raise its own error class with the
 * status and the body the real API sends, and our client an ApiError with status, code and a
 * message a person can act on. Each case gets a fresh simulator (some need limits set).
 */
import { AgentPhone, AgentPhoneError } from 'agentphone'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '../../src-main/core/agentphone/errors'
import type { Env } from './harness'
import { API_KEY, startEnv } from './harness'
import type { ErrorCase } from './error-cases'
import { ERROR_CASES } from './error-cases'

let env: Env | null = null
afterEach(async () => {
  await env?.stop()
  env = null
})

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (err) {
    return err
  }
  throw new Error('expected the request to fail')
}

/** The Retry-After header of the last answer the simulator sent. */
function lastRetryAfter(e: Env): string | null {
  return e.wire.at(-1)?.retryAfter ?? null
}

describe.each(ERROR_CASES)('$name', (c: ErrorCase) => {
  it('official SDK: its error class, statusCode and body', async () => {
    env = await startEnv(c.sim ?? {})
    await c.prepare?.(env)
    const err = await failure(() => c.sdk(env!.sdk({ maxRetries: 0, ...(c.key ? { token: c.key } : {}) })))
    expect(err).toBeInstanceOf(AgentPhoneError)
    // Only a 422 is the SDK's typed UnprocessableEntityError; every other status the plain class.
    expect(err instanceof AgentPhone.UnprocessableEntityError).toBe(c.status === 422)
    const e = err as AgentPhoneError
    expect(e.statusCode).toBe(c.status)
    c.sdkBody(e.body)
    if (c.status === 429) {
      const retryAfter = e.rawResponse?.headers.get('retry-after')
      expect(retryAfter).toMatch(/^\d+$/)
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1)
      expect(Number(retryAfter)).toBeLessThanOrEqual(60)
    }
  })

  it('our client: ApiError status, code and message', async () => {
    env = await startEnv(c.sim ?? {})
    await c.prepare?.(env)
    const err = await failure(() => c.ours(env!.ours({ maxRetries: 0, ...(c.key ? { apiKey: c.key } : {}) })))
    expect(err).toBeInstanceOf(ApiError)
    const e = err as ApiError
    expect({ status: e.status, code: e.code }).toEqual({ status: c.status, code: c.code })
    expect(e.message).toMatch(c.message)
    // Neither key may leak into a message that ends up in logs or on screen.
    expect(e.message).not.toContain(API_KEY)
    if (c.status === 429) expect(e.retryAfterSeconds).toBe(Number(lastRetryAfter(env)))
    else expect(e.retryAfterSeconds).toBeUndefined()
  })
})
