import type { Gap } from '../../../src-preload/contract'

/** 10:02, or "3 Jan 10:02" when the time is not today, so an overnight gap reads right. */
export function gapTime(iso: string, now = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '?'
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hour12: false })
  if (d.toDateString() === now.toDateString()) return time
  return `${d.toLocaleDateString([], { day: 'numeric', month: 'short' })} ${time}`
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * One sentence for every gap shown: from the earliest start to the latest end, with the totals
 * ("3 calls and 2 messages"); the expandable list has the detail of each.
 */
export function gapSentence(gaps: readonly Gap[], now = new Date()): string {
  const from = gaps.reduce((m, g) => (g.from < m ? g.from : m), gaps[0]?.from ?? '')
  const to = gaps.reduce((m, g) => (g.to > m ? g.to : m), gaps[0]?.to ?? '')
  const calls = gaps.reduce((n, g) => n + g.calls.length, 0)
  const messages = gaps.reduce((n, g) => n + g.messages.length, 0)
  const what = [calls ? count(calls, 'call', 'calls') : '', messages ? count(messages, 'message', 'messages') : ''].filter(Boolean).join(' and ')
  return `Switchboard was not receiving from ${gapTime(from, now)} to ${gapTime(to, now)} — ${what || 'nothing'} arrived at AgentPhone meanwhile`
}
