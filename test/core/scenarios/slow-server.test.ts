import { afterEach, describe, expect, it } from 'vitest'
import { runScenario } from '../../../src-main/core/scenarios/runner'
import { fakeClock } from '../../server/helpers/fake-clock'
import { startWebhookServer, type WebhookServer } from '../../helpers/webhook-servers'
import { SECRET, load } from './fixtures'

let server: WebhookServer | undefined
afterEach(async () => {
  await server?.stop()
  server = undefined
})

/** A server that, before each final line, lets the test move the runner's clock on: slow, without sleeping. */
async function slowRun(thinkMs: number, text: string, before: 'final' | 'headers' = 'final') {
  const clock = fakeClock(Date.now())
  const think = async (): Promise<void> => clock.advance(thinkMs)
  server = await startWebhookServer({ secret: SECRET, ...(before === 'final' ? { beforeVoiceReply: think } : { beforeHeaders: think }) })
  return runScenario(load(text), { webhookUrl: server.url, secret: SECRET, clock })
}

describe('a slow webhook server', () => {
  it('fails maxLatencyMs by the time to the final line, measured on the injected clock', async () => {
    const r = await slowRun(2000, 'name: slow\nturns:\n  - caller: "order 9"\n    expect: { maxLatencyMs: 1500, replyMatches: "order 9" }\n')
    const step = r.steps[0]!
    expect(step.response.latencyMs).toBe(2000)
    expect(step.checks).toEqual([
      { name: 'replyMatches', passed: true, expected: '/order 9/i', actual: '"One moment. Order 9 ships tomorrow."' },
      { name: 'maxLatencyMs', passed: false, expected: '≤ 1500 ms', actual: '2000 ms' }
    ])
    expect(step.warnings).toEqual([])
    expect(r.passed).toBe(false)
  })

  it('passes the same expectation when the server is quick enough', async () => {
    const r = await slowRun(1000, 'name: quick\nturns:\n  - caller: "order 9"\n    expect: { maxLatencyMs: 1500 }\n')
    expect(r.steps[0]!.response.latencyMs).toBe(1000)
    expect(r.passed).toBe(true)
  })

  it('warns when a reply is slower than the webhook timeout: AgentPhone gives up and the caller hears silence', async () => {
    const r = await slowRun(6000, 'name: too slow\nwebhook: { timeoutSeconds: 5 }\nturns:\n  - caller: "order 9"\n', 'headers')
    const step = r.steps[0]!
    expect(step.warnings.map((w) => w.code)).toEqual(['slower_than_timeout'])
    expect(step.warnings[0]!.message).toBe('no reply within the webhook timeout (5 s): the caller hears silence')
    expect(step.response.error).toBe('no answer within 5000 ms')
    expect(step.reply).toBe('')
    // No expectation named it, so the step itself passes; the report carries the warning.
    expect(step.passed).toBe(true)
  })
})
