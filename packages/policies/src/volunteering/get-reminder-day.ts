import { addCalendarDays } from '../absences/calendar-days'
import { getInstantAt } from '../school-time/get-instant-at'
import { getSchoolNow } from '../school-time/get-school-now'

/** From this wall-clock time on, the parents helping tomorrow get their reminder (S4). */
export const VOLUNTEER_REMINDER_TIME = '16:00'

/**
 * Which day's volunteer slots get their reminder at `now` (S4): from `sendFrom` (16:00) on the
 * school's clock, tomorrow's calendar date (`YYYY-MM-DD`, school zone); before it, `null`. The
 * afternoon before, not the morning of: a parent still has the evening to arrange things or to
 * cancel. "Tomorrow" is calendar arithmetic on the school's date, so a DST night (23 or 25 hours)
 * and month or year ends cannot shift it; `sendFrom` is compared as an instant (`getInstantAt`),
 * so 16:00 is 15:00Z in winter and 14:00Z in summer.
 */
export function getReminderDay({
  now,
  timeZone,
  sendFrom = VOLUNTEER_REMINDER_TIME,
}: {
  now: Date
  timeZone: string
  sendFrom?: string
}): string | null {
  const today = getSchoolNow({ now, timeZone }).date
  const sendAt = getInstantAt({ date: today, time: sendFrom, timeZone })
  if (now.getTime() < sendAt.getTime()) return null
  return addCalendarDays(today, 1)
}
