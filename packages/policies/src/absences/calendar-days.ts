import { parseCalendarDate } from '../school-time/parse-calendar-date'
import { WEEKDAYS, type SchoolTimeSettings, type Weekday } from '../school-time/types'

/**
 * Calendar arithmetic on `YYYY-MM-DD` strings (a school's days, not instants): no time zone is
 * involved, so a DST switch cannot shift a day. Dates are compared as strings (ISO order).
 */
const DAY_MS = 24 * 60 * 60 * 1000

function toUtcMs(date: string): number {
  const parsed = parseCalendarDate({ value: date })
  if (!parsed.ok) throw new Error(`Expected a date YYYY-MM-DD, got ${JSON.stringify(date)}`)
  return Date.UTC(parsed.year, parsed.month - 1, parsed.day)
}

export function addCalendarDays(date: string, days: number): string {
  return new Date(toUtcMs(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS)
}

export function weekdayOf(date: string): Weekday {
  // getUTCDay: 0 = Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(toUtcMs(date)).getUTCDay() + 6) % 7]!
}

export type SchoolDaySettings = Pick<SchoolTimeSettings, 'schoolHours'> & {
  /** Days without school (holidays, study days) as `YYYY-MM-DD`. */
  closedDays: readonly string[]
}

export type SchoolDayCheck = { ok: true } | { ok: false; reason: 'no-school-hours' | 'closed' }

/** Whether pupils are expected at school on `date`: it has school hours and is not closed. */
export function checkSchoolDay({
  date,
  settings,
}: {
  date: string
  settings: SchoolDaySettings
}): SchoolDayCheck {
  if (!settings.schoolHours[weekdayOf(date)]) return { ok: false, reason: 'no-school-hours' }
  if (settings.closedDays.includes(date)) return { ok: false, reason: 'closed' }
  return { ok: true }
}

/** Longest stretch searched for a school day: a summer holiday plus its weekends fits easily. */
export const SCHOOL_DAY_SEARCH_DAYS = 120

/** The first school day strictly after `date`, or null when none comes within 120 days. */
export function getNextOpenSchoolDay({
  date,
  settings,
}: {
  date: string
  settings: SchoolDaySettings
}): string | null {
  for (let offset = 1; offset <= SCHOOL_DAY_SEARCH_DAYS; offset++) {
    const candidate = addCalendarDays(date, offset)
    if (checkSchoolDay({ date: candidate, settings }).ok) return candidate
  }
  return null
}
