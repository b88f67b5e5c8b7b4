import { parseScenario } from '../../../src-main/core/scenarios/parse'
import type { LoadedScenario } from '../../../src-main/core/scenarios/runner'

export const SECRET = 'whsec_scenario_tests'

/** Parses a scenario written in a test, failing loudly if the test itself wrote it wrong. */
export function load(text: string, file = 'test.yaml'): LoadedScenario {
  const r = parseScenario(text, file)
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.message}`).join('\n'))
  return { scenario: r.scenario, file, stepLines: r.stepLines }
}

export const ORDER_STATUS = `name: order status
channel: voice
turns:
  - caller: "Where is my order 4521?"
    expect:
      replyMatches: "order 4521"
      actions: [interim]
      forbiddenActions: [hangup]
      maxLatencyMs: 5000
  - caller: "What did I say?"
    expect: { replyMatches: "earlier you said: where is my order 4521" }
  - caller: "Give me a human"
    expect: { actions: [interim, transfer] }
  - caller: "Thanks, bye"
    expect: { actions: [interim, hangup] }
`

export const EVERY_FAULT = `name: forgeries and retries
turns:
  - caller: "Where is my order 77?"
    expect: { replyMatches: "order 77" }
  - fault: duplicateId
    expect: { status: 200, replyMatches: "order 77" }
  - fault: badSignature
    expect: { status: 401 }
  - fault: missingSignature
    expect: { status: 401 }
  - fault: staleTimestamp
    expect: { status: 401 }
  - fault: tamperedBody
    expect: { status: 401 }
  - fault: malformedJson
    expect: { status: 400 }
  - fault: timeout
    caller: "Hello?"
    afterMs: 1
  - caller: "Still there? Order 78"
    expect: { replyMatches: "order 78" }
`
