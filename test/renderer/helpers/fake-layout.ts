import { afterEach, beforeEach, vi } from 'vitest'

/**
 * jsdom has no layout: gives every element a box of this height (800 px wide) for the tests in the
 * calling `describe`, so a virtualizer has a viewport to fill.
 */
export function useFakeLayout(height: number): void {
  beforeEach(() => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue({
      x: 0, y: 0, top: 0, left: 0, right: 800, bottom: height, width: 800, height, toJSON: () => ({})
    } as DOMRect)
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(height)
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(800)
  })
  afterEach(() => vi.restoreAllMocks())
}
