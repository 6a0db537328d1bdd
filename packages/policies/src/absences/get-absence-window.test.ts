import { describe, expect, it } from 'vitest'

import { DEFAULT_SCHOOL_TIME_SETTINGS } from '../school-time/types'
import { getAbsenceWindow } from './get-absence-window'

const settings = { ...DEFAULT_SCHOOL_TIME_SETTINGS, closedDays: ['2026-12-08'] }

describe('getAbsenceWindow', () => {
  it('on a school day before the cutoff: sick today is open; tomorrow closed, so the day after', () => {
    expect(getAbsenceWindow({ now: new Date('2026-12-07T07:14:59Z'), settings })).toEqual({
      today: '2026-12-07',
      todayIsSchoolDay: true,
      sickTodayOpen: true,
      cutoff: '08:15',
      nextSchoolDay: '2026-12-09',
      earliestPlannedDay: '2026-12-09',
    })
  })

  it('after the cutoff and at the weekend sick today is closed', () => {
    expect(
      getAbsenceWindow({ now: new Date('2026-12-07T07:15:00Z'), settings }).sickTodayOpen,
    ).toBe(false)
    const saturday = getAbsenceWindow({ now: new Date('2026-12-12T08:00:00Z'), settings })
    expect(saturday).toMatchObject({
      todayIsSchoolDay: false,
      sickTodayOpen: false,
      nextSchoolDay: '2026-12-14',
      earliestPlannedDay: '2026-12-14',
    })
  })
})
