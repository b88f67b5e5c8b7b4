import type { CountryCode } from 'libphonenumber-js'
import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js'

/**
 * What a phone number field says about its text while the person types. It mirrors the core's
 * normalisation (digits, spaces, + ( ) - . only; US assumed without a country code; "possible"
 * rather than "valid" so sandbox 555 numbers pass), so a number the dialog accepts is one the core
 * accepts too.
 */
export type PhoneCheck =
  | { kind: 'empty' }
  | { kind: 'ok'; e164: string; display: string; assumedCountry: boolean }
  | { kind: 'error'; message: string }

const ALLOWED = /^[\d\s+().\-/]+$/

const LENGTH_WORD: Record<string, string> = {
  TOO_SHORT: 'too short',
  TOO_LONG: 'too long',
  INVALID_LENGTH: 'the wrong length',
  INVALID_COUNTRY: 'an unknown country code',
  NOT_A_NUMBER: 'not a number'
}

export function checkPhoneInput(raw: string, country: CountryCode = 'US'): PhoneCheck {
  const text = raw.trim()
  if (text === '') return { kind: 'empty' }
  if (!ALLOWED.test(text)) return { kind: 'error', message: 'Only digits, spaces, +, ( ), - and . are allowed.' }
  const digits = text.replace(/\D/g, '')
  if (digits.length === 0) return { kind: 'error', message: 'Type the digits of the number.' }
  // A leading 00 is the international prefix in most of the world; the core treats it as '+'.
  const candidate = text.startsWith('00') ? `+${digits.slice(2)}` : text
  const international = candidate.startsWith('+')
  const parsed = parsePhoneNumberFromString(candidate, country)
  if (!parsed || !parsed.isPossible()) {
    const why = validatePhoneNumberLength(candidate, country)
    const word = (why && LENGTH_WORD[why]) ?? 'not a possible phone number'
    const hint = international ? '' : ` A ${country} number has 10 digits; start with + and the country code for other countries.`
    return { kind: 'error', message: `That is ${word}.${hint}` }
  }
  return { kind: 'ok', e164: parsed.number, display: parsed.formatInternational(), assumedCountry: !international }
}

/** The E.164 form, or null while the text is not a usable number. */
export function toE164(raw: string): string | null {
  const c = checkPhoneInput(raw)
  return c.kind === 'ok' ? c.e164 : null
}
