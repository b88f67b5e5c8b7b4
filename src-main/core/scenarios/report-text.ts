/** The readable report `switchboard test` prints: one line per step, what failed and why, warnings. */
import type { RunResult, StepResult } from '../../../src-preload/scenario-payloads'

const ms = (v: number | null): string => (v === null ? '—' : `${Math.round(v)} ms`)

function stepLines(step: StepResult): string[] {
  const mark = step.passed ? 'ok  ' : 'FAIL'
  const status = step.response.status === null ? (step.response.error ?? 'no answer') : `HTTP ${step.response.status}`
  const out = [`  ${mark} ${step.label}  ·  ${status}  ·  ${ms(step.response.latencyMs)}`]
  if (step.reply) out.push(`         heard: ${step.reply}`)
  for (const c of step.checks.filter((x) => !x.passed)) out.push(`         ✗ ${c.name}: expected ${c.expected}, got ${c.actual}`)
  for (const w of step.warnings) out.push(`         ! ${w.message}`)
  return out
}

export function formatReport(run: RunResult): string {
  const out: string[] = []
  for (const s of run.scenarios) {
    out.push(`${s.passed ? 'PASS' : 'FAIL'} ${s.name}${s.file ? `  (${s.file})` : ''}`)
    for (const step of s.steps) out.push(...stepLines(step))
    out.push('')
  }
  const steps = run.scenarios.flatMap((s) => s.steps)
  const failedScenarios = run.scenarios.filter((s) => !s.passed).length
  const warnings = steps.reduce((n, s) => n + s.warnings.length, 0)
  out.push(
    `${run.scenarios.length - failedScenarios} of ${run.scenarios.length} scenarios passed · ${steps.filter((s) => !s.passed).length} of ${steps.length} steps failed · ${warnings} warning${warnings === 1 ? '' : 's'} · ${run.webhookUrl}`
  )
  return out.join('\n')
}
