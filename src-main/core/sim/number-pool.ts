/**
 * The numbers the simulator sells: the fictional 555-0100…555-0199 range inside real area codes,
 * so each is a valid number for its country (libphonenumber-js agrees) that can never ring a real
 * person. An area code holds 100 of them; past that it has no inventory, as the real API can say.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js'
import { HttpError } from './http-errors'

export type Country = 'US' | 'CA'

/** Tried in order when a buyer names no area code. */
const DEFAULT_AREAS: Record<Country, string[]> = {
  US: ['415', '212', '312', '206', '617', '303', '512', '404', '213', '646'],
  CA: ['416', '604', '514', '613', '403', '902']
}

const FIRST_LINE = 100
const LAST_LINE = 199

function numberIn(areaCode: string, line: number): string {
  return `+1${areaCode}55501${String(line - 100).padStart(2, '0')}`
}

/** Whether `areaCode` is a real area code of `country` (checked on its first fictional number). */
export function areaCodeOf(areaCode: string, country: Country): boolean {
  const parsed = parsePhoneNumberFromString(numberIn(areaCode, FIRST_LINE))
  return Boolean(parsed?.isValid()) && parsed?.country === country
}

const noInventory = (area: string, country: Country): HttpError =>
  new HttpError(409, `No numbers available in area code ${area}. Try another area code, such as ${DEFAULT_AREAS[country][0]}, or leave it empty.`)

/** Hands out numbers no account of this simulator holds yet (released numbers stay taken: history keeps them). */
export class NumberPool {
  private readonly taken = new Set<string>()

  /** Marks a number as in use (numbers restored from the state file). */
  reserve(phoneNumber: string): void {
    this.taken.add(phoneNumber)
  }

  /** Gives a number back (an account that was reset no longer holds anything). */
  release(phoneNumber: string): void {
    this.taken.delete(phoneNumber)
  }

  /** The next free number, in `areaCode` when given; 409 when that area code has none (or is not the country's). */
  take(country: Country = 'US', areaCode?: string | null): string {
    if (areaCode) {
      if (!areaCodeOf(areaCode, country)) throw noInventory(areaCode, country)
      const found = this.freeIn(areaCode)
      if (!found) throw noInventory(areaCode, country)
      return found
    }
    for (const area of DEFAULT_AREAS[country]) {
      const found = this.freeIn(area)
      if (found) return found
    }
    throw new HttpError(503, `No ${country} numbers are available right now. Try again later or name an area code.`)
  }

  private freeIn(areaCode: string): string | null {
    for (let line = FIRST_LINE; line <= LAST_LINE; line++) {
      const candidate = numberIn(areaCode, line)
      if (!this.taken.has(candidate)) {
        this.taken.add(candidate)
        return candidate
      }
    }
    return null
  }
}
