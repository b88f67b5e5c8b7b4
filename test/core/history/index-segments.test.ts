import { describe, expect, it } from 'vitest'
import { IndexSegments, SEGMENT_DOCS } from '../../../src-main/core/history/index-segments'

/** Documents 1..n, each "order <n>" plus a shared word; `gone` ids report no text any more. */
function filled(n: number) {
  const gone = new Set<number>()
  const text = (id: number) => `order ${id} walnut`
  const segments = new IndexSegments((id) => (gone.has(id) ? null : text(id)))
  for (let id = 1; id <= n; id++) segments.add(id, text(id))
  const drop = (id: number) => {
    gone.add(id)
    segments.remove(id, n)
  }
  return { segments, drop }
}

describe('the search index in segments', () => {
  it('lets a segment go once all its documents have left, and never answers with a dropped one', () => {
    const n = SEGMENT_DOCS * 3
    const { segments, drop } = filled(n)
    expect(segments.size).toBe(4) // ids 1.. fill keys 0, 1, 2 and start 3
    for (let id = 1; id < SEGMENT_DOCS; id++) drop(id)
    expect(segments.size).toBe(3)
    const hits = segments.search('walnut', 100_000)
    expect(hits).toHaveLength(n - (SEGMENT_DOCS - 1))
    expect(Math.min(...hits)).toBe(SEGMENT_DOCS)
    // Newest segment first.
    expect(hits[0]).toBeGreaterThanOrEqual(SEGMENT_DOCS * 3)
  })

  it('rebuilds a mostly dead segment from what is left, which stays findable', () => {
    const { segments, drop } = filled(SEGMENT_DOCS * 2)
    const keep = SEGMENT_DOCS + 7
    for (let id = SEGMENT_DOCS; id < SEGMENT_DOCS * 2; id++) if (id !== keep) drop(id)
    expect(segments.search(`${keep}`, 10)).toEqual([keep])
    expect(segments.search(`${keep + 1}`, 10)).toEqual([])
    // Limits count live documents only, however many dead ones the segment once held.
    expect(segments.search('walnut', 3)).toHaveLength(3)
    drop(keep)
    expect(segments.size).toBe(2)
  })

  it('drops a document given back before the segment filled once the next segment starts', () => {
    const gone = new Set<number>()
    const segments = new IndexSegments((id) => (gone.has(id) ? null : `line ${id}`))
    segments.add(1, 'line 1')
    gone.add(1)
    segments.remove(1, 1)
    expect(segments.search('line', 10)).toEqual([])
    for (let id = 2; id <= SEGMENT_DOCS; id++) {
      segments.add(id, `line ${id}`)
      gone.add(id)
      segments.remove(id, id)
    }
    expect(segments.size).toBe(1) // the first segment, emptied while filling, went when the second began
  })
})
