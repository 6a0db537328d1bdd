import { TZDate } from '@date-fns/tz'
import { format } from 'date-fns'
import { assertTimeZone } from './assert-time-zone'
import type { Weekday } from './types'

export type SchoolNow = {
  /** Wall-clock calendar date in the school's zone, `YYYY-MM-DD`. */
  date: string
  /** Wall-clock time in the school's zone, `HH:mm` (seconds truncated). */
  time: string
  weekday: Weekday
  /** The same instant as `now`, doing all date-fns calculations in the school's zone. */
  zoned: TZDate
}

// Indexed by Date#getDay(): 0 = Sunday.
const WEEKDAY_BY_DAY_INDEX: readonly Weekday[] = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
]

/** The school's wall-clock at instant `now`. Throws on an invalid `now` or unknown `timeZone`. */
export function getSchoolNow({ now, timeZone }: { now: Date; timeZone: string }): SchoolNow {
  assertTimeZone({ timeZone })
  const instant = now instanceof Date ? now.getTime() : Number.NaN
  if (Number.isNaN(instant)) throw new Error('getSchoolNow: `now` must be a valid Date')

  const zoned = new TZDate(instant, timeZone)
  const weekday = WEEKDAY_BY_DAY_INDEX[zoned.getDay()]
  if (!weekday) throw new Error(`getSchoolNow: unexpected day index ${zoned.getDay()}`)

  return {
    date: format(zoned, 'yyyy-MM-dd'),
    time: format(zoned, 'HH:mm'),
    weekday,
    zoned,
  }
}
