/** Ids, times and fake phone numbers in the shapes the real API uses. */
import { randomBytes } from 'node:crypto'
import type { Clock } from '../ports'

/** `prefix` + 24 hex characters, e.g. `call_3f9c…`: opaque, like the real ids. */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('hex')}`
}

/** A new webhook secret: the whole string (prefix included) is the HMAC key. */
export function newSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`
}

export function isoNow(clock: Clock): string {
  return new Date(clock.now()).toISOString()
}

/**
 * The sandbox phone's own number: its default caller id and SMS sender, and the one number whose
 * outbound calls ring it (every other number reaches the simulated callee). The console's sandbox
 * caller uses the same number.
 */
export const SANDBOX_CONTACT = '+15550100999'

const E164 = /^\+[1-9]\d{1,14}$/

export function isE164(value: string): boolean {
  return E164.test(value)
}

/** Loose normalisation for input numbers: strips spaces and punctuation, assumes US for 10 digits. */
export function normalizePhone(value: string): string {
  const trimmed = value.trim()
  const digits = trimmed.replace(/[^\d]/g, '')
  if (trimmed.startsWith('+')) return `+${digits}`
  if (digits.length === 10) return `+1${digits}`
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`
  return trimmed
}
