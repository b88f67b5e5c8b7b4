import type { HistoryCall } from '../../../src-preload/contract'
import { formatDuration } from '../../lib/format'

const DATE_TIME = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false })

/** "2 Dec 2026, 14:05": History spans days, so the date always comes with the time. */
export function dateTime(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso : DATE_TIME.format(ms)
}

export function durationWord(c: Pick<HistoryCall, 'durationSeconds'>): string {
  return c.durationSeconds === null ? '—' : formatDuration(c.durationSeconds * 1000)
}

/** Who answered, for a row: the names and machines that spoke, or a dash. */
export function respondersWord(c: Pick<HistoryCall, 'responders'>): string {
  return c.responders.length ? c.responders.join(', ') : '—'
}
