import type { SchoolSetting } from '@schoolpost/contracts/payload-types'
import type { AbsenceSettings, SchoolTimeSettings } from '@schoolpost/policies'
import {
  addCalendarDays,
  daysBetween,
  DEFAULT_LEAVE_NOTICE_WEEKS,
  DEFAULT_SCHOOL_TIME_SETTINGS,
  WEEKDAYS,
} from '@schoolpost/policies'

/**
 * The school's calendar as the absence and leave rules of @schoolpost/policies take it, from the
 * settings the portal fetches (`GET /api/globals/school-settings`). The same mapping as the CMS's
 * `globals/SchoolSettings/to-absence-settings.ts` (the portal never imports the CMS app): closed
 * periods become single days, weekdays without both times have no school.
 */

export type PortalAbsenceSettings = AbsenceSettings & { leaveNoticeWeeks: number }

type StoredDay = { start?: string | null; end?: string | null } | null | undefined
type StoredPeriod = { from?: string | null; to?: string | null }
export type StoredSchoolSettings = Pick<SchoolSetting, 'timeZone' | 'absenceCutoff'> & {
  schoolHours?: Partial<Record<string, StoredDay>> | null
  closedPeriods?: StoredPeriod[] | null
  leaveNoticeWeeks?: number | null
}

/** Longest closed period expanded (the CMS validates periods to at most 93 days). */
const MAX_PERIOD_OFFSET = 92

/** Every single closed day of the stored periods, sorted. */
export function closedDaysOf(periods: StoredPeriod[] | null | undefined): string[] {
  const days = new Set<string>()
  for (const { from, to } of periods ?? []) {
    if (!from || !to || to < from) continue
    const length = Math.min(daysBetween(from, to), MAX_PERIOD_OFFSET)
    for (let offset = 0; offset <= length; offset++) days.add(addCalendarDays(from, offset))
  }
  return [...days].sort()
}

/** The stored settings as the absence and leave rules take them. */
export function toAbsenceSettings(stored: StoredSchoolSettings): PortalAbsenceSettings {
  const schoolHours = Object.fromEntries(
    WEEKDAYS.map((day) => {
      const value = stored.schoolHours?.[day]
      return [day, value?.start && value?.end ? { start: value.start, end: value.end } : null]
    }),
  ) as SchoolTimeSettings['schoolHours']
  return {
    timeZone: stored.timeZone || DEFAULT_SCHOOL_TIME_SETTINGS.timeZone,
    absenceCutoff: stored.absenceCutoff || DEFAULT_SCHOOL_TIME_SETTINGS.absenceCutoff,
    schoolHours,
    closedDays: closedDaysOf(stored.closedPeriods),
    leaveNoticeWeeks: stored.leaveNoticeWeeks ?? DEFAULT_LEAVE_NOTICE_WEEKS,
  }
}

export type SchoolYear = {
  /** 1 August, `YYYY-MM-DD`. */
  start: string
  /** 31 July of the next calendar year. */
  end: string
  /** "2026–2027". */
  label: string
}

/** The school year (1 August to 31 July) that `today` (`YYYY-MM-DD`, school time) falls in. */
export function schoolYearOf(today: string): SchoolYear {
  const year = Number(today.slice(0, 4))
  const first = today.slice(5) >= '08-01' ? year : year - 1
  return { start: `${first}-08-01`, end: `${first + 1}-07-31`, label: `${first}–${first + 1}` }
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})
const dayWithYearFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * 2026-12-07 → "maandag 7 december" (a school day, no time zone involved), with the year when it
 * is not the year of `today`: "maandag 1 maart 2027".
 */
export function dutchDay(date: string, today?: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const instant = new Date(Date.UTC(year, month - 1, day))
  return today && today.slice(0, 4) !== date.slice(0, 4)
    ? dayWithYearFormat.format(instant)
    : dayFormat.format(instant)
}
