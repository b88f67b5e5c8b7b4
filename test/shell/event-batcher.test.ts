import { describe, expect, it, vi } from 'vitest'
import type { BridgeEvent } from '../../src-preload/contract'
import { createEventBatcher } from '../../src-main/core/event-batcher'
import { systemClock } from '../../src-main/core/ports'
import { fakeClock } from '../server/helpers/fake-clock'
import { turnEvent } from '../server/helpers/fake-session'

const texts = (batches: BridgeEvent[][]) => batches.flat().map((e) => (e.data as { text: string }).text)
const expected = (n: number) => Array.from({ length: n }, (_, i) => `line ${i}`)

describe('createEventBatcher', () => {
  it('delivers 1000 quickly pushed events in one batch, in order', () => {
    const clock = fakeClock()
    const batches: BridgeEvent[][] = []
    const batcher = createEventBatcher({ clock, flush: (b) => batches.push(b) })
    for (let n = 0; n < 1000; n += 1) batcher.push(turnEvent(n))
    expect(batches).toHaveLength(0)
    clock.advance(0)
    expect(batches).toHaveLength(1)
    expect(texts(batches)).toEqual(expected(1000))
  })

  it('flushes at most 60 times a second under a steady stream and loses nothing', () => {
    const clock = fakeClock()
    const flushTimes: number[] = []
    const batches: BridgeEvent[][] = []
    const batcher = createEventBatcher({ clock, flush: (b) => (batches.push(b), flushTimes.push(clock.now())) })
    for (let n = 0; n < 2000; n += 1) {
      batcher.push(turnEvent(n))
      clock.advance(1)
    }
    clock.advance(100)
    expect(texts(batches)).toEqual(expected(2000))
    // In every sliding one-second window, no more than ~60 flushes.
    for (const start of flushTimes) expect(flushTimes.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(60)
    expect(batches.length).toBeGreaterThan(100)
    for (let i = 1; i < flushTimes.length; i += 1) expect(flushTimes[i]! - flushTimes[i - 1]!).toBeGreaterThanOrEqual(1000 / 60)
  })

  it('honours a custom rate', () => {
    const clock = fakeClock()
    const flush = vi.fn()
    const times: number[] = []
    const batcher = createEventBatcher({ clock, maxFlushesPerSecond: 5, flush: (b) => (flush(b), times.push(clock.now())) })
    for (let ms = 0; ms < 3000; ms += 10) {
      batcher.push(turnEvent(ms))
      clock.advance(10)
    }
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5)
    expect(times.length).toBeGreaterThanOrEqual(15)
    expect(flush.mock.calls.flat(2)).toHaveLength(300)
    expect(() => createEventBatcher({ clock, maxFlushesPerSecond: 0, flush })).toThrow(RangeError)
  })

  it('flushNow sends at once; stop flushes the rest and ignores later pushes', () => {
    const clock = fakeClock()
    const batches: BridgeEvent[][] = []
    const batcher = createEventBatcher({ clock, flush: (b) => batches.push(b) })
    batcher.flushNow()
    expect(batches).toHaveLength(0)
    batcher.push(turnEvent(0))
    batcher.flushNow()
    batcher.push(turnEvent(1))
    batcher.stop()
    batcher.push(turnEvent(2))
    clock.advance(1000)
    expect(batches.map((b) => b.length)).toEqual([1, 1])
    expect(texts(batches)).toEqual(expected(2))
    expect(clock.pending()).toBe(0)
  })

  it('keeps going after a flush throws, and keeps events pushed during a flush', () => {
    const clock = fakeClock()
    const batches: BridgeEvent[][] = []
    let first = true
    const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    const batcher = createEventBatcher({
      clock,
      logger,
      flush: (b) => {
        batches.push(b)
        if (first) {
          first = false
          batcher.push(turnEvent(1))
          throw new Error('sink broke')
        }
      }
    })
    batcher.push(turnEvent(0))
    clock.advance(100)
    expect(logger.error).toHaveBeenCalledOnce()
    expect(texts(batches)).toEqual(expected(2))
  })

  it('batches with the real clock too', async () => {
    const batches: BridgeEvent[][] = []
    const batcher = createEventBatcher({ clock: systemClock, flush: (b) => batches.push(b) })
    const started = Date.now()
    let n = 0
    while (Date.now() - started < 300) {
      for (let k = 0; k < 20; k += 1) batcher.push(turnEvent(n++))
      await new Promise((r) => setImmediate(r))
    }
    await new Promise((r) => setTimeout(r, 50))
    batcher.stop()
    expect(texts(batches)).toEqual(expected(n))
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(((Date.now() - started) / 1000) * 60) + 2)
  })
})
