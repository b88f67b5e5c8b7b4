import { afterEach, describe, expect, it } from 'vitest'
import type { RunResult } from '../../../src-preload/scenario-payloads'
import { compareWithBaseline, parseBaseline } from '../../../src-main/core/scenarios/baseline'
import { toJUnit } from '../../../src-main/core/scenarios/junit'
import { runScenarios } from '../../../src-main/core/scenarios/runner'
import { fakeClock } from '../../server/helpers/fake-clock'
import { parseXml } from '../../helpers/xml'
import { startWebhookServer, type Flaw, type WebhookServer } from '../../helpers/webhook-servers'
import { SECRET, load } from './fixtures'

let servers: WebhookServer[] = []
afterEach(async () => {
  await Promise.all(servers.map((s) => s.stop()))
  servers = []
})


async function runAgainst(flaws: Flaw[], text: string, thinkMs = 0, timeoutSeconds?: number): Promise<RunResult> {
  const clock = fakeClock(Date.now())
  const s = await startWebhookServer({ secret: SECRET, flaws, beforeHeaders: async () => clock.advance(thinkMs) })
  servers.push(s)
  const scenario = timeoutSeconds ? text.replace('turns:', `webhook: { timeoutSeconds: ${timeoutSeconds} }\nturns:`) : text
  return runScenarios([load(scenario)], { webhookUrl: s.url, secret: SECRET, clock })
}

describe('JUnit report', () => {
  it.each([
    [['stringReply'] as Flaw[], 'order 1', 0, 'not_an_object'],
    [['noFinalLine'] as Flaw[], 'order 1', 0, 'no_final_line'],
    [['digitsWithAlias'] as Flaw[], 'press one', 0, 'digits_with_alias'],
    [[] as Flaw[], 'order 1', 6000, 'slower_than_timeout']
  ])('carries the warning of a server with flaws %j (thinking %#)', async (flaws, said, thinkMs, code) => {
    const run = await runAgainst(flaws, `name: "warn <&> \\"quoted\\""\nturns:\n  - caller: "${said}"\n`, thinkMs, 5)
    const doc = parseXml(toJUnit(run))
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0)
    expect(doc.getElementsByTagName('testsuite')[0]!.getAttribute('name')).toBe('warn <&> "quoted"')
    const out = doc.getElementsByTagName('testcase')[0]!.getElementsByTagName('system-out')[0]!.textContent
    expect(out).toContain(`WARNING ${code}: `)
  })

  it('drops control characters a server echoed, so the XML stays valid', async () => {
    const run = await runAgainst([], 'name: ctl\nturns:\n  - caller: "hi \\u0001 there"\n')
    const xml = toJUnit(run)
    expect(parseXml(xml).getElementsByTagName('parsererror')).toHaveLength(0)
    expect(xml).toContain('heard: One moment. You said: hi  there')
  })
})

describe('baselines', () => {
  const text = 'name: latency\nturns:\n  - caller: "order 3"\n'

  it('fail a step whose latency grew past the allowed increase, and pass inside it', async () => {
    const baseline = parseBaseline(JSON.stringify(await runAgainst([], text, 200)))
    const slower = await runAgainst([], text, 300)
    const strict = compareWithBaseline(slower, baseline, 25)
    const check = strict.scenarios[0]!.steps[0]!.checks.find((c) => c.name === 'baseline latency')!
    expect(check).toEqual({ name: 'baseline latency', passed: false, expected: '≤ 250 ms (was 200 ms, +25% allowed)', actual: '300 ms (+50%)' })
    expect(strict.passed).toBe(false)
    expect(compareWithBaseline(slower, baseline, 60).passed).toBe(true)
  })

  it('ignore changes under the noise floor, however large in percent', async () => {
    const baseline = await runAgainst([], text, 2)
    expect(compareWithBaseline(await runAgainst([], text, 20), baseline, 10).passed).toBe(true)
  })

  it('fail a changed reply and a step the baseline does not have', async () => {
    const baseline = await runAgainst([], text)
    const changed = await runAgainst(['stringReply'], 'name: latency\nturns:\n  - caller: "order 3"\n  - caller: "bye"\n')
    const steps = compareWithBaseline(changed, baseline).scenarios[0]!.steps
    expect(steps[0]!.checks.find((c) => c.name === 'baseline reply')).toMatchObject({ passed: false, expected: '"One moment. Order 3 ships tomorrow."' })
    expect(steps[0]!.checks.find((c) => c.name === 'baseline reply')!.actual).toBe('""')
    expect(steps[1]!.checks.at(-1)).toMatchObject({ name: 'baseline', passed: false, expected: 'call ended (agent.call_ended)' })
  })

  it('refuse a file that is not a run report', () => {
    expect(() => parseBaseline('{"scenarios": 3}')).toThrow()
  })
})
