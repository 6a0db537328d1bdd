import { describe, expect, it } from 'vitest'

import { getAgendaRange, overlapsDays } from './get-agenda-range'

const tz = 'Europe/Amsterdam'

describe('getAgendaRange', () => {
  it('is this month and the next, on the school calendar', () => {
    expect(getAgendaRange({ now: new Date('2026-12-07T09:30:00Z'), timeZone: tz })).toEqual({
      from: '2026-12-01',
      to: '2027-01-31',
    })
    // 23:30 UTC on 31 January is already 1 February in Amsterdam.
    expect(getAgendaRange({ now: new Date('2027-01-31T23:30:00Z'), timeZone: tz })).toEqual({
      from: '2027-02-01',
      to: '2027-03-31',
    })
    // January: next month is February of a leap year.
    expect(getAgendaRange({ now: new Date('2028-01-15T12:00:00Z'), timeZone: tz })).toEqual({
      from: '2028-01-01',
      to: '2028-02-29',
    })
  })
})

describe('overlapsDays', () => {
  it('counts items that start before the range and end in it', () => {
    const range = { from: '2026-12-01', to: '2027-01-31' }
    expect(overlapsDays({ date: '2026-11-30', endDate: '2026-12-01', ...range })).toBe(true)
    expect(overlapsDays({ date: '2026-11-30', ...range })).toBe(false)
    expect(overlapsDays({ date: '2027-01-31', ...range })).toBe(true)
    expect(overlapsDays({ date: '2027-02-01', ...range })).toBe(false)
  })
})
