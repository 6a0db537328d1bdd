/**
 * True when `timeZone` is an IANA zone name (or a UTC offset such as `+01:00`) the runtime knows.
 * Uses `Intl` directly: @date-fns/tz falls back to reading any `±HH` inside an unknown name as an
 * offset, so `tzOffset('Europe/Atlantis+01', …)` would look valid.
 */
export function isValidTimeZone({ timeZone }: { timeZone: string }): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}
