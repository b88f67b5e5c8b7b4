/**
 * Phone-number normalisation. AgentPhone wants E.164 (`+14155551234`); people type
 * `(415) 555-1234`. Numbers without a country code are read as US, like the product's users expect.
 */
import type { CountryCode } from 'libphonenumber-js'
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { CoreError } from '../errors'

/** Characters a typed phone number may hold besides digits. Letters (vanity numbers, "ext") are refused. */
const ALLOWED = /^[\d\s+().\-/]+$/

function refuse(input: string, why: string): CoreError {
  const shown = input.length > 40 ? `${input.slice(0, 40)}…` : input
  return new CoreError('invalid_number', `"${shown}" is not a phone number: ${why}`)
}

/**
 * Returns `input` as E.164, assuming `defaultCountry` when it has no `+country` prefix.
 * Throws CoreError('invalid_number') for empty input, letters, or a number that cannot exist
 * (wrong length for its country). "Possible" rather than "valid" is checked on purpose: test
 * and sandbox numbers such as +1 555 … are possible but not assigned.
 */
export function normalizePhone(input: string, defaultCountry: CountryCode = 'US'): string {
  const trimmed = input.trim()
  if (trimmed === '') throw new CoreError('invalid_number', 'A phone number is required')
  if (!ALLOWED.test(trimmed)) throw refuse(trimmed, 'it may only contain digits, spaces, +, ( ), - and .')
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length === 0) throw refuse(trimmed, 'it has no digits')
  // A leading 00 is the international prefix in most of the world; treat it like '+'.
  const candidate = trimmed.startsWith('00') ? `+${digits.slice(2)}` : trimmed
  const parsed = parsePhoneNumberFromString(candidate, defaultCountry)
  if (!parsed) throw refuse(trimmed, 'the country code or length is wrong')
  if (!parsed.isPossible()) throw refuse(trimmed, `it has the wrong number of digits for ${parsed.country ?? `+${parsed.countryCallingCode}`}`)
  return parsed.number
}

/** Like `normalizePhone` but answers null instead of throwing. */
export function tryNormalizePhone(input: string, defaultCountry: CountryCode = 'US'): string | null {
  try {
    return normalizePhone(input, defaultCountry)
  } catch {
    return null
  }
}

/**
 * Normalises an SMS recipient. `POST /v1/messages` also accepts iMessage group ids (`grp_…`),
 * email addresses and US short codes (5–6 digits); those pass through unchanged.
 */
export function normalizeRecipient(input: string, defaultCountry: CountryCode = 'US'): string {
  const trimmed = input.trim()
  if (/^grp_\S+$/.test(trimmed) || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed) || /^\d{5,6}$/.test(trimmed)) return trimmed
  return normalizePhone(trimmed, defaultCountry)
}
