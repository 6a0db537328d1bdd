import { TZDate } from '@date-fns/tz'
import { addDays, format } from 'date-fns'
import { getSchoolNow } from './get-school-now'
import type { SchoolTimeSettings } from './types'

/** How many days ahead getNextSchoolDay looks before giving up (covers any holiday-free week). */
export const NEXT_SCHOOL_DAY_SEARCH_LIMIT = 14

/**
 * The `YYYY-MM-DD` of the first calendar day strictly after `from`'s date in the school's zone
 * that has school hours (days with `null` hours, e.g. the weekend, are skipped).
 * Throws when no such day exists within 14 days (i.e. no weekday has school hours).
 * Holidays are not known here; callers must skip them themselves.
 */
export function getNextSchoolDay({
  from,
  settings,
}: {
  from: Date
  settings: SchoolTimeSettings
}): string {
  const { zoned } = getSchoolNow({ now: from, timeZone: settings.timeZone })
  // Step from local noon: noon exists on every day, also on DST switch days.
  const noon = new TZDate(
    zoned.getFullYear(),
    zoned.getMonth(),
    zoned.getDate(),
    12,
    0,
    settings.timeZone,
  )

  for (let offset = 1; offset <= NEXT_SCHOOL_DAY_SEARCH_LIMIT; offset++) {
    const candidate = getSchoolNow({ now: addDays(noon, offset), timeZone: settings.timeZone })
    if (settings.schoolHours[candidate.weekday]) return candidate.date
  }

  throw new Error(
    `getNextSchoolDay: no day with school hours within ${NEXT_SCHOOL_DAY_SEARCH_LIMIT} days after ` +
      `${format(zoned, 'yyyy-MM-dd')}; check that schoolHours has at least one non-null weekday`,
  )
}
