import { addCalendarDays, daysBetween } from '../absences/calendar-days'
import type { AbsenceSettings } from '../absences/check-absence-report'
import { DEFAULT_LEAVE_NOTICE_WEEKS } from '../absences/check-leave-request'
import {
  DEFAULT_SCHOOL_TIME_SETTINGS,
  type SchoolTimeSettings,
  WEEKDAYS,
} from '../school-time/types'

/**
 * The school settings as stored (the CMS's `school-settings` global, also as the portal fetches
 * it) mapped onto what the rules take: one mapping for both apps. Weekdays without both times have
 * no school; closed periods become single days.
 */
type StoredDay = { start?: string | null; end?: string | null } | null | undefined
type StoredPeriod = { from?: string | null; to?: string | null }
export type StoredSchoolSettings = {
  timeZone?: string | null
  absenceCutoff?: string | null
  schoolHours?: Partial<Record<string, StoredDay>> | null
  closedPeriods?: StoredPeriod[] | null
  leaveNoticeWeeks?: number | null
}

/** Longest closed period expanded (the CMS validates periods to at most 93 days). */
const MAX_PERIOD_OFFSET = 92

export function toSchoolTimeSettings(stored: StoredSchoolSettings): SchoolTimeSettings {
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
  }
}

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

export type SchoolAbsenceSettings = AbsenceSettings & { leaveNoticeWeeks: number }

/** The stored settings as the absence and leave rules take them. */
export function toAbsenceSettings(stored: StoredSchoolSettings): SchoolAbsenceSettings {
  return {
    ...toSchoolTimeSettings(stored),
    closedDays: closedDaysOf(stored.closedPeriods),
    leaveNoticeWeeks: stored.leaveNoticeWeeks ?? DEFAULT_LEAVE_NOTICE_WEEKS,
  }
}
