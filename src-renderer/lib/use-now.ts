import { useSyncExternalStore } from 'react'

/**
 * One shared clock for every ticking number on screen (durations, countdowns): a single interval
 * however many rows there are, and it stops when nothing is watching.
 */
const listeners = new Set<() => void>()
let now = Date.now()
let timer: ReturnType<typeof setInterval> | null = null
const TICK_MS = 250 // a quarter second so countdowns flip close to the real second boundary

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (!timer) {
    now = Date.now()
    timer = setInterval(() => {
      now = Date.now()
      for (const l of listeners) l()
    }, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer) {
      clearInterval(timer)
      timer = null
    }
  }
}

function snapshot(): number {
  return now
}

/**
 * Milliseconds since the epoch; the component re-renders four times a second while mounted. The
 * shared tick only schedules renders: the time itself is read fresh, so a countdown that mounts
 * while the main thread is busy is never a tick (or a busy second) behind.
 */
export function useNow(): number {
  useSyncExternalStore(subscribe, snapshot, snapshot)
  return Date.now()
}
