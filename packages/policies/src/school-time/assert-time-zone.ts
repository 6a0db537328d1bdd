import { isValidTimeZone } from './is-valid-time-zone'

/** Throws a clear Error for an unknown time zone instead of silently producing `Invalid Date`. */
export function assertTimeZone({ timeZone }: { timeZone: string }): void {
  if (!isValidTimeZone({ timeZone })) {
    throw new Error(
      `Unknown time zone ${JSON.stringify(timeZone)}; expected an IANA name such as "Europe/Amsterdam"`,
    )
  }
}
