/** Finds and reads scenario files: each argument a file, or a folder searched for *.yaml / *.yml. */
import { readFile, readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { ScenarioProblem } from '../../../src-preload/scenario-payloads'
import { parseScenario } from './parse'
import type { LoadedScenario } from './runner'

const SCENARIO_FILE = /\.ya?ml$/i

async function expand(target: string): Promise<string[]> {
  const info = await stat(target)
  if (!info.isDirectory()) return [target]
  const entries = await readdir(target, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && SCENARIO_FILE.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort()
}

export interface LoadOutcome {
  scenarios: LoadedScenario[]
  problems: ScenarioProblem[]
}

/** Every scenario under the given paths; all problems at once, so one run shows every broken file. */
export async function loadScenarioFiles(targets: readonly string[]): Promise<LoadOutcome> {
  const out: LoadOutcome = { scenarios: [], problems: [] }
  for (const target of targets) {
    let files: string[]
    try {
      files = await expand(target)
    } catch (err) {
      out.problems.push({ file: target, line: null, column: null, message: (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (err as Error).message })
      continue
    }
    if (files.length === 0) out.problems.push({ file: target, line: null, column: null, message: 'no .yaml or .yml scenario files in this folder' })
    for (const file of files) {
      const parsed = parseScenario(await readFile(file, 'utf8'), file)
      if (parsed.ok) out.scenarios.push({ scenario: parsed.scenario, file, stepLines: parsed.stepLines })
      else out.problems.push(...parsed.problems)
    }
  }
  return out
}
