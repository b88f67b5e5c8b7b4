import { parsePhoneNumberFromString } from 'libphonenumber-js'

/** mm:ss, or h:mm:ss past an hour; negative spans read as 0:00. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/** Whole seconds until an ISO deadline (never negative). */
export function secondsLeft(deadline: string, now: number): number {
  const t = Date.parse(deadline)
  if (Number.isNaN(t)) return 0
  return Math.max(0, Math.ceil((t - now) / 1000))
}

/** Numbers already formatted: lists re-render the same few numbers many times a second under load. */
const formattedPhones = new Map<string, string>()

/** A number as people read it (+1 415 555 0100); anything unparseable is shown as given. */
export function formatPhone(raw: string): string {
  let shown = formattedPhones.get(raw)
  if (shown === undefined) {
    const parsed = parsePhoneNumberFromString(raw)
    shown = parsed ? parsed.formatInternational() : raw
    if (formattedPhones.size >= 2000) formattedPhones.clear()
    formattedPhones.set(raw, shown)
  }
  return shown
}

// Made once: toLocaleTimeString builds a new formatter on every call.
const CLOCK = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })

export function formatClock(iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return '--:--:--'
  return CLOCK.format(d)
}
