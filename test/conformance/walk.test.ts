/**
 * The whole surface walked twice against the simulator: once with the vendor's official SDK (so
 * the simulator is held to the real API's typed contract) and once with our own client (so our
 * client is held to the same expectations, step for step).
 */
import { afterAll, beforeAll, describe, it } from 'vitest'
import type { Env } from './harness'
import { startEnv } from './harness'
import type { Step, WalkCtx } from './walk'
import { emptyState } from './walk'
import { ACCOUNT_STEPS } from './walk-steps-account'
import { MESSAGING_STEPS } from './walk-steps-messaging'
import { VOICE_STEPS } from './walk-steps-voice'

const STEPS: Array<Step<unknown>> = [...VOICE_STEPS, ...MESSAGING_STEPS, ...ACCOUNT_STEPS]

describe.each(['sdk', 'ours'] as const)('walk with %s', (which) => {
  let env: Env
  let w: WalkCtx

  beforeAll(async () => {
    env = await startEnv()
    w = { env, state: emptyState() }
  })
  afterAll(() => env.stop())

  // Steps hand ids to each other, so they run in order and a failure stops the rest.
  let failed: string | null = null
  for (const s of STEPS) {
    it(s.name, async (ctx) => {
      if (failed) ctx.skip(`an earlier step failed: ${failed}`)
      try {
        await s.before?.(w)
        const view = which === 'sdk' ? await s.sdk(env.sdk({ maxRetries: 0 }), w) : await s.ours(env.ours({ maxRetries: 0 }), w)
        s.check(view, w)
      } catch (err) {
        failed = s.name
        throw err
      }
    })
  }
})
