import type { SchoolTimeSettings, Weekday } from '@schoolpost/policies'
import { DEFAULT_SCHOOL_TIME_SETTINGS } from '@schoolpost/policies'

type StoredDay = { start?: string | null; end?: string | null } | null | undefined
type StoredSettings = {
  timeZone?: string | null
  absenceCutoff?: string | null
  schoolHours?: Partial<Record<Weekday, StoredDay>> | null
}

const WEEKDAYS: Weekday[] = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]

/** Maps the stored global onto the policies' settings type (weekends never have school hours). */
export function toSchoolTimeSettings(stored: StoredSettings): SchoolTimeSettings {
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
