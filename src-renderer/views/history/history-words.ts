import type { HistoryCall } from '../../../src-preload/contract'
import { formatDuration, formatPhone } from '../../lib/format'

const DATE_TIME = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

/**
 * Rows mount over and over while a long list scrolls, with the same few numbers and times: parsing
 * a number (libphonenumber) or formatting a date each time was a visible share of every frame.
 */
function cached(fn: (raw: string) => string, max = 5000): (raw: string) => string {
  const memo = new Map<string, string>()
  return (raw) => {
    let out = memo.get(raw)
    if (out === undefined) {
      if (memo.size >= max) memo.clear()
      memo.set(raw, (out = fn(raw)))
    }
    return out
  }
}

/** "2 Dec 2026, 14:05": History spans days, so the date always comes with the time. */
export const dateTime = cached((iso) => {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : DATE_TIME.format(ms)
})

export const phoneWord = cached(formatPhone)

export function durationWord(c: Pick<HistoryCall, 'durationSeconds'>): string {
  return c.durationSeconds === null ? '—' : formatDuration(c.durationSeconds * 1000)
}

/** Who answered, for a row: the names and machines that spoke, or a dash. */
export function respondersWord(c: Pick<HistoryCall, 'responders'>): string {
  return c.responders.length ? c.responders.join(', ') : '—'
}
