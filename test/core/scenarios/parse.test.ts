import { describe, expect, it } from 'vitest'
import { formatProblem, parseScenario } from '../../../src-main/core/scenarios/parse'

const ISSUE_EXAMPLE = `name: order status
channel: voice            # voice | sms
turns:
  - caller: "Where is my order 4521?"
    expect:
      replyMatches: "order"          # a regular expression, case-insensitive
      actions: []                    # any of: interim, transfer, hangup, digits
      forbiddenActions: [hangup]
      maxLatencyMs: 1500
  - caller: "Thanks, bye"
    expect: { actions: [hangup] }
  - fault: badSignature             # badSignature | missingSignature | staleTimestamp | tamperedBody | malformedJson | duplicateId | timeout
    expect: { status: 401 }
`

function problems(text: string): string[] {
  const r = parseScenario(text, 'calls/x.yaml')
  if (r.ok) throw new Error('expected problems')
  return r.problems.map(formatProblem)
}

describe('parseScenario', () => {
  it('reads the example from the issue, with each step\'s line', () => {
    const r = parseScenario(ISSUE_EXAMPLE, 'x.yaml')
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.scenario.name).toBe('order status')
    expect(r.scenario.turns).toHaveLength(3)
    expect(r.scenario.turns[0]).toEqual({
      caller: 'Where is my order 4521?',
      expect: { replyMatches: 'order', actions: [], forbiddenActions: ['hangup'], maxLatencyMs: 1500 }
    })
    expect(r.scenario.turns[2]).toEqual({ fault: 'badSignature', expect: { status: 401 } })
    expect(r.stepLines).toEqual([4, 10, 12])
  })

  it('channel defaults to voice', () => {
    const r = parseScenario('name: a\nturns:\n  - caller: hi\n')
    expect(r.ok && r.scenario.channel).toBe('voice')
  })

  it('names the file and line of a misspelt expectation key', () => {
    expect(problems(ISSUE_EXAMPLE.replace('{ actions: [hangup] }', '{ actions: [hangup], replyMatch: "x" }'))).toEqual([
      'calls/x.yaml:11:34: unknown key "replyMatch" in turns[2].expect'
    ])
  })

  it('names the line of an unknown fault and of a wrong value type', () => {
    const text = 'name: a\nturns:\n  - caller: hi\n  - fault: slowLoris\n  - caller: 3\n'
    const out = problems(text)
    expect(out[0]).toMatch(/^calls\/x\.yaml:4:12: turns\[2\]\.fault: /)
    expect(out[0]).toContain('badSignature')
    expect(out[1]).toMatch(/^calls\/x\.yaml:5:13: turns\[3\]\.caller: /)
  })

  it('refuses a bad regular expression, an unknown action and a bad status class at their lines', () => {
    const text = 'name: a\nturns:\n  - caller: hi\n    expect:\n      replyMatches: "(unclosed"\n      actions: [dance]\n      status: "4x"\n'
    const out = problems(text)
    expect(out).toHaveLength(3)
    expect(out[0]).toMatch(/:5:21: .*not a valid regular expression/)
    expect(out[1]).toMatch(/:6:17: turns\[1\]\.expect\.actions\[1\]/)
    expect(out[2]).toMatch(/:7:15: /)
  })

  it('reports a missing required key at the map that lacks it', () => {
    expect(problems('name: a\n')).toEqual([expect.stringMatching(/^calls\/x\.yaml:1:1: turns: /)])
  })

  it('refuses duplicateId as the first step and afterMs on other faults', () => {
    const out = problems('name: a\nturns:\n  - fault: duplicateId\n  - fault: badSignature\n    afterMs: 5\n')
    expect(out[0]).toMatch(/:3:12: .*cannot come first/)
    expect(out[1]).toMatch(/:5:14: .*only applies to the timeout fault/)
  })

  it('gives YAML syntax errors with their line', () => {
    expect(problems('name: a\nturns:\n  - caller: hi\nname: b\n')[0]).toMatch(/^calls\/x\.yaml:4:1: .*unique/i)
    expect(problems('name: a\nturns:\n  - caller: "open\n')[0]).toMatch(/^calls\/x\.yaml:4:1: Missing closing "quote/)
  })

  it('refuses a document that is not a mapping', () => {
    expect(problems('- just\n- a list\n')[0]).toMatch(/a YAML mapping/)
  })
})

describe('SMS scenarios', () => {
  it('refuse reply expectations: an SMS answer is a status, the reply goes through the REST API', () => {
    const out = problems('name: t\nchannel: sms\nturns:\n  - caller: hi\n    expect: { replyMatches: x }\n  - caller: ok\n    expect: { status: 200 }\n')
    expect(out).toEqual([expect.stringMatching(/^calls\/x\.yaml:5:13: .*REST API/)])
  })
})
