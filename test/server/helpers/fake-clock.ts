import type { Clock } from '../../../src-main/core/ports'

export type FakeClock = Clock & { advance(ms: number): void; pending(): number }

/** A clock that only moves when the test says so; timers fire in time order. */
export function fakeClock(start = 1_000_000): FakeClock {
  let now = start
  let seq = 0
  const timers = new Map<number, { at: number; fn: () => void }>()
  return {
    now: () => now,
    after(ms, fn) {
      const id = ++seq
      timers.set(id, { at: now + Math.max(0, ms), fn })
      return { cancel: () => void timers.delete(id) }
    },
    advance(ms) {
      const end = now + ms
      for (;;) {
        let next: [number, { at: number; fn: () => void }] | undefined
        for (const entry of timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry
        if (!next) break
        timers.delete(next[0])
        now = next[1].at
        next[1].fn()
      }
      now = end
    },
    pending: () => timers.size
  }
}
