import { afterEach, describe, expect, it } from 'vitest'
import { AgentPhoneClient } from '../../../src-main/core/agentphone/client'
import { ApiError } from '../../../src-main/core/agentphone/errors'
import { systemClock } from '../../../src-main/core/ports'
import { Simulator } from '../../../src-main/core/sim/simulator'

const KEY = 'sk_test_billing'
let sim: Simulator

afterEach(() => sim?.stop())

describe('simulator billing (402 where a plan limit is hit)', () => {
  it('charges $3.00 per number and answers 402 once the balance cannot cover one', async () => {
    sim = new Simulator({ clock: systemClock, apiKeys: [KEY], balanceCents: 500 })
    await sim.start()
    const api = new AgentPhoneClient({ baseUrl: sim.url, apiKey: KEY, maxRetries: 0 })
    await api.numbers.buy({})
    const refused = await api.numbers.buy({}).catch((err: unknown) => err)
    expect(refused).toBeInstanceOf(ApiError)
    expect((refused as ApiError).status).toBe(402)
    expect((refused as ApiError).message).toContain('Insufficient balance')
    expect((refused as ApiError).message).toContain('$2.00')
    // The refused purchase left nothing behind.
    expect((await api.numbers.list({})).data).toHaveLength(1)
  })

  it('keeps the sandbox line free of charge', async () => {
    sim = new Simulator({ clock: systemClock, apiKeys: [KEY], balanceCents: 0 })
    await sim.start()
    const { number } = await sim.ensureSandboxAccount(KEY)
    expect(number.phoneNumber).toMatch(/^\+1/)
  })
})
