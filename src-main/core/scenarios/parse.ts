/**
 * Scenario text to a validated Scenario, or problems that name the line: YAML syntax errors come
 * from the `yaml` parser, shape errors from zod, mapped back to the node they are about.
 */
import { LineCounter, isMap, isNode, parseDocument } from 'yaml'
import type { Document } from 'yaml'
import type { z } from 'zod'
import type { ScenarioProblem } from '../../../src-preload/scenario-payloads'
import { CallerStepSchema, FaultStepSchema, ScenarioSchema } from './schema'
import type { Scenario } from './schema'

export type ParseOutcome =
  | { ok: true; scenario: Scenario; /** 1-based line of each step, in order. */ stepLines: Array<number | null> }
  | { ok: false; problems: ScenarioProblem[] }

type Path = ReadonlyArray<PropertyKey>
type Where = { line: number | null; column: number | null }

/** The line and column of the node at `path`, or of its nearest ancestor that exists. */
function locate(doc: Document, counter: LineCounter, path: Path, key?: string): Where {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true)
    if (!isNode(node) || !node.range) continue
    let offset = node.range[0]
    // An unknown key: point at the key itself, not at the map that holds it.
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isNode(p.key) && (p.key as { value?: unknown }).value === key)
      if (pair && isNode(pair.key) && pair.key.range) offset = pair.key.range[0]
    }
    const { line, col } = counter.linePos(offset)
    return { line, column: col }
  }
  return { line: null, column: null }
}

function pathWords(path: Path): string {
  return path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('').replace(/^\./, '')
}

/** A step is judged as a fault when it names one, else as a caller turn: one clear message, not both. */
function stepIssues(raw: unknown, path: Path): z.core.$ZodIssue[] {
  const schema = raw && typeof raw === 'object' && 'fault' in raw ? FaultStepSchema : CallerStepSchema
  const parsed = schema.safeParse(raw)
  if (parsed.success) return []
  return parsed.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }))
}

function toProblems(doc: Document, counter: LineCounter, file: string | null, issues: z.core.$ZodIssue[], value: { turns?: unknown }): ScenarioProblem[] {
  const out: ScenarioProblem[] = []
  for (const issue of issues) {
    if (issue.code === 'invalid_union' && issue.path.length === 2 && issue.path[0] === 'turns' && Array.isArray(value.turns)) {
      out.push(...toProblems(doc, counter, file, stepIssues(value.turns[issue.path[1] as number], issue.path), value))
      continue
    }
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined]
    for (const key of keys) {
      const where = locate(doc, counter, issue.path, key)
      const at = pathWords(issue.path)
      const message = key !== undefined ? `unknown key "${key}"${at ? ` in ${at}` : ''}` : `${at ? `${at}: ` : ''}${issue.message}`
      out.push({ file, ...where, message })
    }
  }
  return out.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
}

/** Parses one scenario file's text; `file` only labels the problems. */
export function parseScenario(text: string, file: string | null = null): ParseOutcome {
  const counter = new LineCounter()
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const { line, col } = counter.linePos(e.pos[0])
        return { file, line, column: col, message: e.message.split('\n')[0] ?? e.message }
      })
    }
  }
  const value: unknown = doc.toJS()
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, problems: [{ file, line: 1, column: 1, message: 'a scenario is a YAML mapping with name and turns' }] }
  }
  const parsed = ScenarioSchema.safeParse(value)
  if (!parsed.success) return { ok: false, problems: toProblems(doc, counter, file, parsed.error.issues, value) }
  const stepLines = parsed.data.turns.map((_, i) => locate(doc, counter, ['turns', i]).line)
  return { ok: true, scenario: parsed.data, stepLines }
}

/** `file:line:column: message`, the form editors and CI logs link to. */
export function formatProblem(p: ScenarioProblem): string {
  const where = [p.file ?? '<scenario>', p.line, p.column].filter((x) => x !== null).join(':')
  return `${where}: ${p.message}`
}
