/**
 * Runtime checks of a JSON answer against a typed shape. `ShapeOf<T>` is derived from a TypeScript
 * type (the SDK's own response types), so a descriptor that forgets a field, adds one, or gets a
 * kind/optionality/nullability wrong does not compile: the runtime check then holds the simulator
 * to exactly what the vendor's generated types promise.
 */
import { expect } from 'vitest'

type Kind<V> = V extends string ? 'string' : V extends number ? 'number' : V extends boolean ? 'boolean' : V extends readonly unknown[] ? 'array' : 'object'

// `{} extends Pick<T, K>` is true only for optional keys; `null extends T[K]` only for nullable ones.
type SpecOf<T, K extends keyof T> = `${object extends Pick<T, K> ? '?' : ''}${Kind<NonNullable<T[K]>>}${null extends T[K] ? '|null' : ''}`

/** One spec string per key of T: e.g. `'string'`, `'?number'`, `'string|null'`, `'?array|null'`. */
export type ShapeOf<T> = { [K in keyof T]-?: SpecOf<T, K> }

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** Every mismatch between `value` and `shape`, as readable lines (empty when it conforms). */
export function shapeErrors(value: unknown, shape: Record<string, string>, label = 'value'): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`${label}: expected an object, got ${JSON.stringify(value)}`]
  const obj = value as Record<string, unknown>
  const errors: string[] = []
  for (const [key, spec] of Object.entries(shape)) {
    const optional = spec.startsWith('?')
    const nullable = spec.endsWith('|null')
    const kind = spec.replace(/^\?/, '').replace(/\|null$/, '')
    const v = obj[key]
    if (v === undefined) {
      if (!optional) errors.push(`${label}.${key}: missing (expected ${spec})`)
    } else if (v === null) {
      if (!nullable) errors.push(`${label}.${key}: null (expected ${spec})`)
    } else if (kindOf(v) !== kind) {
      errors.push(`${label}.${key}: ${kindOf(v)} ${JSON.stringify(v)} (expected ${spec})`)
    }
  }
  return errors
}

/** Fails the test with every mismatch listed at once. */
export function expectShape(value: unknown, shape: Record<string, string>, label = 'value'): void {
  expect(shapeErrors(value, shape, label), `${label} does not match its typed shape`).toEqual([])
}

/** The same check for each item of a list. */
export function expectEachShape(values: readonly unknown[], shape: Record<string, string>, label = 'item'): void {
  expect(values.flatMap((v, i) => shapeErrors(v, shape, `${label}[${i}]`))).toEqual([])
}

export const ISO_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/
export const E164 = /^\+[1-9]\d{1,14}$/
