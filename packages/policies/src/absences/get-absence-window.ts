import { getInstantAt } from '../school-time/get-instant-at'
import { getSchoolNow } from '../school-time/get-school-now'
import { addCalendarDays, checkSchoolDay, getNextOpenSchoolDay } from './calendar-days'
import type { AbsenceSettings } from './check-absence-report'

export type AbsenceWindow = {
  /** Today in the school's zone. */
  today: string
  /** Pupils are expected today. */
  todayIsSchoolDay: boolean
  /** A sick report for today is still possible (a school day, before the cutoff). */
  sickTodayOpen: boolean
  /** The cutoff as the school set it, `HH:mm`. */
  cutoff: string
  /** The next school day after today (a sick report for it is possible now), or null. */
  nextSchoolDay: string | null
  /** The first day a planned absence can be reported for now (tomorrow at the earliest). */
  earliestPlannedDay: string | null
}

/** What the absence form says applies right now; the same facts `checkAbsenceReport` uses. */
export function getAbsenceWindow({
  now,
  settings,
}: {
  now: Date
  settings: AbsenceSettings
}): AbsenceWindow {
  const today = getSchoolNow({ now, timeZone: settings.timeZone }).date
  const todayIsSchoolDay = checkSchoolDay({ date: today, settings }).ok
  const cutoff = getInstantAt({
    date: today,
    time: settings.absenceCutoff,
    timeZone: settings.timeZone,
  })
  const tomorrow = addCalendarDays(today, 1)
  return {
    today,
    todayIsSchoolDay,
    sickTodayOpen: todayIsSchoolDay && now.getTime() < cutoff.getTime(),
    cutoff: settings.absenceCutoff,
    nextSchoolDay: getNextOpenSchoolDay({ date: today, settings }),
    earliestPlannedDay: checkSchoolDay({ date: tomorrow, settings }).ok
      ? tomorrow
      : getNextOpenSchoolDay({ date: tomorrow, settings }),
  }
}
