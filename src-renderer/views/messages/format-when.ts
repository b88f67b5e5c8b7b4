// Made once: toLocale*String builds a new formatter on every call, and a busy list formats often.
const CLOCK = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', hour12: false })
const DAY = new Intl.DateTimeFormat([], { month: 'short', day: 'numeric' })

/** A time as a list shows it: the clock for today, the date for earlier days. */
export function formatWhen(iso: string, now: Date = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const sameDay = d.toDateString() === now.toDateString()
  return sameDay ? CLOCK.format(d) : DAY.format(d)
}
