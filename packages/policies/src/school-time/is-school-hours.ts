import { getMinutesOfDay } from './get-minutes-of-day'
import { getSchoolNow } from './get-school-now'
import type { SchoolTimeSettings } from './types'

/**
 * Whether `now` falls within the school hours of that day, compared on the school's wall-clock:
 * start inclusive, end exclusive (with 08:30–14:30: 08:30:00 is in, 14:30:00 is out).
 * Always false on days whose hours are `null`. Throws on malformed hours in `settings`.
 */
export function isSchoolHours({
  now,
  settings,
}: {
  now: Date
  settings: SchoolTimeSettings
}): boolean {
  const schoolNow = getSchoolNow({ now, timeZone: settings.timeZone })
  const hours = settings.schoolHours[schoolNow.weekday]
  if (!hours) return false

  const label = `schoolHours.${schoolNow.weekday}`
  const start = getMinutesOfDay({ value: hours.start, label: `${label}.start` })
  const end = getMinutesOfDay({ value: hours.end, label: `${label}.end` })
  // `time` is truncated to the minute, so 14:29:59 counts as 14:29 (in) and 08:29:59 as 08:29 (out).
  const current = getMinutesOfDay({ value: schoolNow.time, label: 'now' })

  return current >= start && current < end
}
