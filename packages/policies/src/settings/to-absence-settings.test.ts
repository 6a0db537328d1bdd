import { describe, expect, it } from 'vitest'

import { closedDaysOf, toAbsenceSettings } from './to-absence-settings'

describe('toAbsenceSettings', () => {
  it('expands closed periods to single days, across months and overlapping periods', () => {
    expect(
      closedDaysOf([
        { from: '2026-12-31', to: '2027-01-02' },
        { from: '2027-01-02', to: '2027-01-02' },
        { from: '2027-03-01', to: '2027-02-01' }, // reversed: ignored (validation refuses it)
        { from: null, to: '2027-01-01' },
      ]),
    ).toEqual(['2026-12-31', '2027-01-01', '2027-01-02'])
  })

  it('keeps the school-time settings and defaults the notice to 8 weeks', () => {
    const settings = toAbsenceSettings({
      absenceCutoff: '08:00',
      closedPeriods: [{ from: '2026-12-24', to: '2026-12-24' }],
    })
    expect(settings).toMatchObject({
      absenceCutoff: '08:00',
      timeZone: 'Europe/Amsterdam',
      closedDays: ['2026-12-24'],
      leaveNoticeWeeks: 8,
    })
  })
})
