/**
 * JUnit XML, the format every CI shows as test results: one <testsuite> per scenario, one
 * <testcase> per step, a <failure> per expectation that did not hold, warnings in <system-out>.
 */
import type { RunResult, ScenarioResult, StepResult } from '../../../src-preload/scenario-payloads'

/** XML 1.0 text: the five entities, and control characters a server might echo dropped. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

const seconds = (ms: number | null): string => ((ms ?? 0) / 1000).toFixed(3)

function testcase(scenario: ScenarioResult, step: StepResult): string {
  const attrs = `classname="${xmlEscape(scenario.name)}" name="${xmlEscape(step.label)}" time="${seconds(step.response.latencyMs)}"${scenario.file ? ` file="${xmlEscape(scenario.file)}"` : ''}${step.line ? ` line="${step.line}"` : ''}`
  const failures = step.checks
    .filter((c) => !c.passed)
    .map((c) => `      <failure type="${xmlEscape(c.name)}" message="${xmlEscape(`${c.name}: expected ${c.expected}, got ${c.actual}`)}"/>`)
  const out = step.warnings.map((w) => `WARNING ${w.code}: ${w.message}`)
  if (step.reply) out.unshift(`heard: ${step.reply}`)
  const body = [...failures, ...(out.length ? [`      <system-out>${xmlEscape(out.join('\n'))}</system-out>`] : [])]
  return body.length ? `    <testcase ${attrs}>\n${body.join('\n')}\n    </testcase>` : `    <testcase ${attrs}/>`
}

export function toJUnit(run: RunResult): string {
  const suites = run.scenarios.map((s) => {
    const failures = s.steps.filter((x) => !x.passed).length
    const head = `  <testsuite name="${xmlEscape(s.name)}" tests="${s.steps.length}" failures="${failures}" errors="0" time="${seconds(s.durationMs)}" timestamp="${s.startedAt}">`
    return [head, ...s.steps.map((step) => testcase(s, step)), '  </testsuite>'].join('\n')
  })
  const tests = run.scenarios.reduce((n, s) => n + s.steps.length, 0)
  const failures = run.scenarios.reduce((n, s) => n + s.steps.filter((x) => !x.passed).length, 0)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="switchboard test" tests="${tests}" failures="${failures}" errors="0" time="${seconds(run.durationMs)}">\n${suites.join('\n')}\n</testsuites>\n`
}
