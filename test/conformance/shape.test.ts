/** The shape checker itself: every other conformance assertion leans on it, so it must be able to fail. */
import { describe, expect, it } from 'vitest'
import { shapeErrors } from './shape'

const SHAPE = { id: 'string', note: 'string|null', tags: '?array', count: '?number|null' }

describe('shapeErrors', () => {
  it('accepts a conforming object, optional keys absent and nullable ones null', () => {
    expect(shapeErrors({ id: 'a', note: null }, SHAPE)).toEqual([])
    expect(shapeErrors({ id: 'a', note: 'x', tags: [], count: null, extra: 1 }, SHAPE)).toEqual([])
  })

  it('names each missing, null or mistyped field', () => {
    expect(shapeErrors({ note: 'x' }, SHAPE, 'v')).toEqual(['v.id: missing (expected string)'])
    expect(shapeErrors({ id: null, note: 'x' }, SHAPE, 'v')).toEqual(['v.id: null (expected string)'])
    expect(shapeErrors({ id: 1, note: 'x', tags: {}, count: '3' }, SHAPE, 'v')).toEqual([
      'v.id: number 1 (expected string)',
      'v.tags: object {} (expected ?array)',
      'v.count: string "3" (expected ?number|null)'
    ])
    expect(shapeErrors([], SHAPE, 'v')).toEqual(['v: expected an object, got []'])
  })
})
