/**
 * What `switchboard test` does: load every scenario (all problems at once), play them, print the
 * report, write JUnit / JSON when asked, compare with a baseline, and answer the exit code.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Clock } from '../core/ports'
import { compareWithBaseline, DEFAULT_MAX_LATENCY_INCREASE, parseBaseline } from '../core/scenarios/baseline'
import { loadScenarioFiles } from '../core/scenarios/files'
import { toJUnit } from '../core/scenarios/junit'
import { formatProblem } from '../core/scenarios/parse'
import { formatReport } from '../core/scenarios/report-text'
import { runScenarios } from '../core/scenarios/runner'
import { DEFAULT_TEST_SECRET } from '../core/scenarios/secret'
import type { TestArgs } from './cli-test-args'

/** Exit codes CI scripts can tell apart. 2 is a bad command line (see cli.ts). */
export const EXIT_PASSED = 0
export const EXIT_FAILED = 1
export const EXIT_INVALID_SCENARIO = 3

export interface TestDeps {
  clock: Clock
  env: NodeJS.ProcessEnv
  out(text: string): void
  err(text: string): void
}

async function writeOut(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.resolve(file)), { recursive: true })
  await writeFile(file, text)
}

export async function runTest(args: TestArgs, deps: TestDeps): Promise<number> {
  const loaded = await loadScenarioFiles(args.paths)
  if (loaded.problems.length > 0) {
    for (const p of loaded.problems) deps.err(`${formatProblem(p)}\n`)
    deps.err(`\n${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'} in the scenario files: nothing was run.\n`)
    return EXIT_INVALID_SCENARIO
  }
  // Read the baseline before playing anything: a missing one is a setup mistake, not a failed test.
  let baselineText: string | undefined
  if (args.baseline) {
    try {
      baselineText = await readFile(args.baseline, 'utf8')
    } catch {
      deps.err(`switchboard: cannot read the baseline ${args.baseline} (write one with --json from a good run)\n`)
      return EXIT_INVALID_SCENARIO
    }
  }
  const secret = args.secret ?? deps.env.AGENTPHONE_WEBHOOK_SECRET ?? DEFAULT_TEST_SECRET
  let run = await runScenarios(loaded.scenarios, { webhookUrl: args.webhookUrl, secret, clock: deps.clock })
  if (baselineText !== undefined) {
    try {
      run = compareWithBaseline(run, parseBaseline(baselineText), args.maxLatencyIncrease ?? DEFAULT_MAX_LATENCY_INCREASE)
    } catch (err) {
      deps.err(`switchboard: ${args.baseline} is not a baseline (a --json report): ${(err as Error).message.split('\n')[0]}\n`)
      return EXIT_INVALID_SCENARIO
    }
  }
  deps.out(`${formatReport(run)}\n`)
  if (args.junit) await writeOut(args.junit, toJUnit(run))
  if (args.json) await writeOut(args.json, `${JSON.stringify(run, null, 2)}\n`)
  const warned = run.scenarios.some((s) => s.steps.some((x) => x.warnings.length > 0))
  return run.passed && !(args.strict && warned) ? EXIT_PASSED : EXIT_FAILED
}
