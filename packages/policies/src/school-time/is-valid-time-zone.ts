/**
 * True when `timeZone` is an IANA zone name (or a UTC offset such as `+01:00`) the runtime knows.
 * Uses `Intl` directly: @date-fns/tz falls back to reading any `±HH` inside an unknown name as an
 * offset, so `tzOffset('Europe/Atlantis+01', …)` would look valid.
 */
export function isValidTimeZone({ timeZone }: { timeZone: string }): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false
  // Every rule checks the school's zone, and building a formatter is the costly part of a check:
  // zones found valid are remembered (a few hundred exist; unknown names are not kept, so input
  // cannot grow the set).
  if (KNOWN_VALID.has(timeZone)) return true
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
  } catch {
    return false
  }
  KNOWN_VALID.add(timeZone)
  return true
}

const KNOWN_VALID = new Set<string>()
