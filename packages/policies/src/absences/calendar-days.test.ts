import { describe, expect, it } from 'vitest'

import { DEFAULT_SCHOOL_TIME_SETTINGS } from '../school-time/types'
import {
  addCalendarDays,
  checkSchoolDay,
  daysBetween,
  getNextOpenSchoolDay,
  weekdayOf,
} from './calendar-days'

describe('calendar days', () => {
  it('steps over month, year and DST boundaries by whole days', () => {
    expect(addCalendarDays('2026-03-28', 2)).toBe('2026-03-30')
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2)
    expect(weekdayOf('2026-12-07')).toBe('monday')
    expect(weekdayOf('2026-12-13')).toBe('sunday')
  })

  it('finds the next school day past weekends and a whole holiday', () => {
    const christmas = Array.from({ length: 14 }, (_, i) => addCalendarDays('2026-12-19', i))
    const settings = { ...DEFAULT_SCHOOL_TIME_SETTINGS, closedDays: christmas }
    expect(checkSchoolDay({ date: '2026-12-21', settings })).toEqual({
      ok: false,
      reason: 'closed',
    })
    expect(checkSchoolDay({ date: '2026-12-20', settings })).toEqual({
      ok: false,
      reason: 'no-school-hours',
    })
    expect(getNextOpenSchoolDay({ date: '2026-12-18', settings })).toBe('2027-01-04')
    const noSchool = {
      ...DEFAULT_SCHOOL_TIME_SETTINGS,
      schoolHours: Object.fromEntries(
        Object.keys(DEFAULT_SCHOOL_TIME_SETTINGS.schoolHours).map((d) => [d, null]),
      ) as typeof DEFAULT_SCHOOL_TIME_SETTINGS.schoolHours,
      closedDays: [],
    }
    expect(getNextOpenSchoolDay({ date: '2026-12-18', settings: noSchool })).toBeNull()
  })
})
