import { TZDate } from '@date-fns/tz'
import { assertTimeZone } from './assert-time-zone'
import { parseCalendarDate } from './parse-calendar-date'
import { parseTimeOfDay } from './parse-time-of-day'

/**
 * The UTC instant at which the wall-clock in `timeZone` reads `date` `time`, DST-correct
 * (Europe/Amsterdam: `2026-03-27` `08:15` → 07:15Z, `2026-03-30` `08:15` → 06:15Z).
 *
 * DST edge cases (behaviour of @date-fns/tz, pinned by tests):
 * - Spring gap, time does not exist (`2026-03-29` `02:30` in Amsterdam): moves forward by the
 *   length of the gap, i.e. returns the instant of 03:30 CEST (01:30Z).
 * - Autumn overlap, time occurs twice (`2026-10-25` `02:30` in Amsterdam): returns the *second*
 *   occurrence, in standard time (02:30 CET = 01:30Z, not 02:30 CEST = 00:30Z).
 *
 * Throws on a malformed/non-existent date, a malformed time or an unknown time zone.
 */
export function getInstantAt({
  date,
  time,
  timeZone,
}: {
  date: string
  time: string
  timeZone: string
}): Date {
  assertTimeZone({ timeZone })
  const day = parseCalendarDate({ value: date })
  if (!day.ok) {
    throw new Error(
      `getInstantAt: expected date YYYY-MM-DD (${day.reason}), got ${JSON.stringify(date)}`,
    )
  }
  const clock = parseTimeOfDay({ value: time })
  if (!clock.ok) {
    throw new Error(
      `getInstantAt: expected time HH:mm (${clock.reason}), got ${JSON.stringify(time)}`,
    )
  }

  const zoned = new TZDate(day.year, day.month - 1, day.day, clock.hours, clock.minutes, timeZone)
  return new Date(zoned.getTime())
}
