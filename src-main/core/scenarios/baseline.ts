/**
 * Baselines: a run kept as JSON (the `--json` report is one), and a later run compared with it step
 * by step on actions, what the caller heard, and latency past the allowed increase. Differences
 * become failed checks on the step, so every report format shows them without knowing baselines.
 */
import type { RunResult, ScenarioResult, StepResult } from '../../../src-preload/scenario-payloads'
import { RunResultSchema } from '../../../src-preload/scenario-payloads'

/** Latency changes smaller than this are noise on a laptop, whatever their percentage. */
export const LATENCY_NOISE_MS = 25
export const DEFAULT_MAX_LATENCY_INCREASE = 25

export function parseBaseline(text: string): RunResult {
  return RunResultSchema.parse(JSON.parse(text))
}

function compareStep(now: StepResult, was: StepResult, maxIncreasePercent: number): StepResult {
  const checks = [...now.checks]
  const words = (a: readonly string[]): string => [...a].sort().join(', ') || 'none'
  checks.push({ name: 'baseline actions', passed: words(now.actions) === words(was.actions), expected: words(was.actions), actual: words(now.actions) })
  checks.push({ name: 'baseline reply', passed: now.reply === was.reply, expected: JSON.stringify(was.reply), actual: JSON.stringify(now.reply) })
  const before = was.response.latencyMs
  const after = now.response.latencyMs
  if (before !== null) {
    const limit = Math.max(before * (1 + maxIncreasePercent / 100), before + LATENCY_NOISE_MS)
    const passed = after !== null && after <= limit
    const change = after === null ? 'no reply' : `${Math.round(after)} ms (${before > 0 ? `${after >= before ? '+' : ''}${Math.round(((after - before) / before) * 100)}%` : 'was 0 ms'})`
    checks.push({ name: 'baseline latency', passed, expected: `≤ ${Math.round(limit)} ms (was ${Math.round(before)} ms, +${maxIncreasePercent}% allowed)`, actual: change })
  }
  return { ...now, checks, passed: checks.every((c) => c.passed) }
}

/** Same scenario name, same step position and label; a step that changed is reported, not guessed at. */
function compareScenario(now: ScenarioResult, was: ScenarioResult | undefined, maxIncreasePercent: number): ScenarioResult {
  if (!was) return now
  const steps = now.steps.map((step) => {
    const old = was.steps.find((s) => s.index === step.index)
    if (old?.label === step.label) return compareStep(step, old, maxIncreasePercent)
    const check = { name: 'baseline', passed: false, expected: old ? old.label : 'no step here', actual: `${step.label} (the scenario changed: save a new baseline)` }
    return { ...step, checks: [...step.checks, check], passed: false }
  })
  return { ...now, steps, passed: steps.every((s) => s.passed) }
}

export function compareWithBaseline(run: RunResult, baseline: RunResult, maxIncreasePercent = DEFAULT_MAX_LATENCY_INCREASE): RunResult {
  const scenarios = run.scenarios.map((s) => compareScenario(s, baseline.scenarios.find((b) => b.name === s.name), maxIncreasePercent))
  return { ...run, scenarios, passed: scenarios.every((s) => s.passed) }
}
