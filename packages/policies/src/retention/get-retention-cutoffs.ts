import { addCalendarDays } from '../absences/calendar-days'
import { getInstantAt } from '../school-time/get-instant-at'
import { getSchoolNow } from '../school-time/get-school-now'

/** How long the school keeps what (issue #16), as the director sets it in the school settings. */
export type RetentionSettings = {
  /** Posts, photos and videos: this many school years, the current one included. */
  postsSchoolYears: number
  /** Absence reports and leave requests: this many years after the day they concern. */
  absenceYears: number
  /** The log of sent emails: this many days. */
  emailLogDays: number
  /** The security log: this many days. */
  auditLogDays: number
}

/**
 * Defaults after Dutch guidance for primary schools (Kennisnet, PO-Raad model retention list):
 * media and news this school year and the last; absence records five years (the Leerplichtwet's
 * term for attendance records); the email log three months; the security log one year.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  postsSchoolYears: 2,
  absenceYears: 5,
  emailLogDays: 90,
  auditLogDays: 365,
}

/** The allowed range of each setting (the settings form and the job share them). */
export const RETENTION_LIMITS: Record<keyof RetentionSettings, { min: number; max: number }> = {
  postsSchoolYears: { min: 1, max: 15 },
  absenceYears: { min: 1, max: 15 },
  emailLogDays: { min: 7, max: 3650 },
  auditLogDays: { min: 30, max: 3650 },
}

/** A Dutch school year starts on 1 August. */
export const SCHOOL_YEAR_START = { month: 8, day: 1 } as const

export type RetentionCutoffs = {
  /** Posts published and media uploaded before this instant are removed. */
  postsBefore: Date
  /** Absences and leave requests whose (last) day is before this calendar date are removed. */
  absencesBefore: string
  /** Email log rows created before this instant are removed. */
  emailLogBefore: Date
  /** Security log rows created before this instant are removed. */
  auditLogBefore: Date
}

const clamp = (value: unknown, key: keyof RetentionSettings): number => {
  const { min, max } = RETENTION_LIMITS[key]
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : NaN
  return Number.isNaN(n) ? DEFAULT_RETENTION[key] : Math.min(max, Math.max(min, n))
}

/** Stored settings (possibly missing or out of range) as usable ones: defaults fill the gaps. */
export function toRetentionSettings(
  stored: Partial<Record<keyof RetentionSettings, unknown>> | null | undefined,
): RetentionSettings {
  return {
    postsSchoolYears: clamp(stored?.postsSchoolYears, 'postsSchoolYears'),
    absenceYears: clamp(stored?.absenceYears, 'absenceYears'),
    emailLogDays: clamp(stored?.emailLogDays, 'emailLogDays'),
    auditLogDays: clamp(stored?.auditLogDays, 'auditLogDays'),
  }
}

/**
 * What the retention job removes at `now`, in the school's zone. School years are counted on the
 * school's calendar: with 2 school years, on 7 December 2026 the current year began on
 * 1 August 2026, so everything from 1 August 2025 00:00 (school time) stays. Years and days are
 * calendar arithmetic on the school's date, so a DST change or a leap day cannot shift a cutoff
 * by an hour or a day.
 */
export function getRetentionCutoffs({
  now,
  timeZone,
  settings,
}: {
  now: Date
  timeZone: string
  settings: RetentionSettings
}): RetentionCutoffs {
  const today = getSchoolNow({ now, timeZone }).date
  const [year, month, day] = today.split('-').map(Number) as [number, number, number]
  const pad = (n: number) => String(n).padStart(2, '0')
  const startOfThisSchoolYear =
    month > SCHOOL_YEAR_START.month ||
    (month === SCHOOL_YEAR_START.month && day >= SCHOOL_YEAR_START.day)
      ? year
      : year - 1
  const firstKeptYear = startOfThisSchoolYear - (settings.postsSchoolYears - 1)
  const postsBefore = getInstantAt({
    date: `${firstKeptYear}-${pad(SCHOOL_YEAR_START.month)}-${pad(SCHOOL_YEAR_START.day)}`,
    time: '00:00',
    timeZone,
  })
  // 29 February minus whole years lands on 28 February (the last day that exists).
  const yearsBack = year - settings.absenceYears
  const lastDay = new Date(Date.UTC(yearsBack, month, 0)).getUTCDate()
  const absencesBefore = `${yearsBack}-${pad(month)}-${pad(Math.min(day, lastDay))}`
  const midnightDaysAgo = (days: number) =>
    getInstantAt({ date: addCalendarDays(today, -days), time: '00:00', timeZone })
  return {
    postsBefore,
    absencesBefore,
    emailLogBefore: midnightDaysAgo(settings.emailLogDays),
    auditLogBefore: midnightDaysAgo(settings.auditLogDays),
  }
}
