/**
 * Errors in the API's two shapes: `{"detail": "text"}` for handled errors and FastAPI's
 * `{"detail": [{loc, msg, type}]}` for request validation (agentphone-api.md §1.4).
 */
import type { z } from 'zod'

export interface ValidationItem {
  loc: Array<string | number>
  msg: string
  type: string
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string | ValidationItem[],
    readonly headers: Record<string, string> = {}
  ) {
    super(typeof detail === 'string' ? detail : (detail[0]?.msg ?? 'validation error'))
    this.name = 'HttpError'
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, `${what} not found`)

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = input
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PropertyKey, unknown>)[key]
  }
  return cur
}

/** Zod issues to FastAPI's items: a missing field is `missing` / "Field required", as FastAPI says it. */
export function toValidationItems(where: 'body' | 'query', input: unknown, issues: z.core.$ZodIssue[]): ValidationItem[] {
  return issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol')
    const loc: Array<string | number> = [where, ...path]
    if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
      return { loc, msg: 'Field required', type: 'missing' }
    }
    const type =
      issue.code === 'invalid_type'
        ? `${String(issue.expected)}_type`
        : issue.code === 'too_small'
          ? 'greater_than_equal'
          : issue.code === 'too_big'
            ? 'less_than_equal'
            : issue.code === 'invalid_value'
              ? 'enum'
              : issue.code === 'invalid_format'
                ? 'string_pattern_mismatch'
                : issue.code === 'unrecognized_keys'
                  ? 'extra_forbidden'
                  : 'value_error'
    return { loc, msg: issue.message, type }
  })
}

/** Validates `input` or throws the 422 the real API would send. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' = 'body'): z.output<S> {
  const result = schema.safeParse(input)
  if (!result.success) throw new HttpError(422, toValidationItems(where, input, result.error.issues))
  return result.data
}
