import { tzOffset } from '@date-fns/tz'

/** True when `timeZone` is an IANA zone name (or a UTC offset such as `+01:00`) the runtime knows. */
export function isValidTimeZone({ timeZone }: { timeZone: string }): boolean {
  return (
    typeof timeZone === 'string' &&
    timeZone !== '' &&
    !Number.isNaN(tzOffset(timeZone, new Date(0)))
  )
}
